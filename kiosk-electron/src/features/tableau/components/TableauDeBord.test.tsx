import { act, fireEvent, screen, within } from '@testing-library/react';
import { batela, connexionOk, dashboard, espaces, fauxReseau, json, kimia, rendreApp, seConnecterUI } from '../../../test/utils';

const routes = (tableau: unknown) => ({
  'POST /auth/login/': connexionOk,
  'GET /clients/CG-2024-VIE-001/dashboard/': tableau,
  'POST /auth/logout/': json(null, 204),
});

describe('Tableau de bord', () => {
  it('shows arrears in red words, each contrat card and its actions', async () => {
    fauxReseau(routes(dashboard));
    rendreApp();
    seConnecterUI();
    const resume = await screen.findByRole('region', { name: 'Solde global' });
    const solde = within(resume).getByTestId('solde');
    expect(espaces(solde.textContent)).toContain('En retard de 10 000 FCFA');
    expect(solde).toHaveClass('solde--retard');

    const carte = screen.getByTestId('contrat-CG-2024-EPG-001');
    expect(carte).toHaveTextContent('PASS BATELA');
    expect(carte).toHaveTextContent('Actif');
    expect(espaces(carte.textContent)).toContain('01/11/2024 · 5 000 FCFA');
    for (const nom of ['Payer', 'Détail', 'Imprimer']) {
      expect(within(carte).getByRole('button', { name: new RegExp(`^${nom}`) })).toBeInTheDocument();
    }
    expect(screen.getByTestId('contrat-CG-2024-VIE-001')).toHaveTextContent('À jour');
  });

  it('shows an advance in green words', async () => {
    fauxReseau(routes({ ...dashboard, solde_global: 2500, contrats: [{ ...kimia, solde: 2500 }] }));
    rendreApp();
    seConnecterUI();
    const resume = await screen.findByRole('region', { name: 'Solde global' });
    const solde = within(resume).getByTestId('solde');
    expect(espaces(solde.textContent)).toContain("D'avance : 2 500 FCFA");
    expect(solde).toHaveClass('solde--avance');
  });

  it('always shows Terminer, which forgets the client and revokes the session', async () => {
    const reseau = fauxReseau(routes(dashboard));
    rendreApp();
    seConnecterUI();
    await screen.findByText('Mes contrats');
    fireEvent.click(screen.getByRole('button', { name: /Terminer/ }));
    expect(screen.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' })).toBeInTheDocument();
    expect(screen.queryByText(/KONGO/)).not.toBeInTheDocument();
    await act(async () => {});
    const logout = reseau.appels.find((a) => a.path === '/auth/logout/');
    expect(JSON.parse(String(logout?.init.body))).toEqual({ refresh: 'REFRESH' });
  });

  it('explains an error and offers to try again', async () => {
    fauxReseau(routes(json({ code: 'introuvable', message: 'Ce contrat est introuvable.' }, 404)));
    rendreApp();
    seConnecterUI();
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent('Ce contrat est introuvable.');
    expect(within(alerte).getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });

  it('switches to the calm unavailable screen when the network is lost, and comes back by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let enPanne = true;
      fauxReseau({
        ...routes(dashboard),
        'GET /clients/CG-2024-VIE-001/dashboard/': () => {
          if (enPanne) throw new TypeError('Failed to fetch');
          return json(dashboard);
        },
        'GET /produits/': () => json([]),
      });
      rendreApp();
      seConnecterUI();
      expect(await screen.findByText('Service momentanément indisponible')).toBeInTheDocument();
      enPanne = false;
      for (let i = 0; i < 6; i++) {
        await act(async () => {
          vi.advanceTimersByTime(1000);
        });
      }
      expect(await screen.findByText('Mes contrats')).toBeInTheDocument();
      expect(screen.getByTestId(`contrat-${batela.numero_police}`)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refreshes an expired access token once, then signs out if that fails', async () => {
    const reseau = fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': json({ code: 'session_expiree', message: 'Votre session a expiré.' }, 401),
      'POST /auth/refresh/': json({ code: 'session_expiree', message: 'Votre session a expiré.' }, 401),
      'POST /auth/logout/': json(null, 204),
    });
    rendreApp();
    seConnecterUI();
    expect(await screen.findByRole('heading', { name: 'Bienvenue chez NSIA Assurances' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Votre session a expiré');
    expect(reseau.appels.filter((a) => a.path === '/auth/refresh/')).toHaveLength(1);
  });
});
