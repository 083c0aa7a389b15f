import { act, fireEvent, screen, within } from '@testing-library/react';
import { batela, connexionOk, dashboard, espaces, fauxReseau, json, kimia, rendreApp, seConnecterUI } from '../../../test/utils';

const routes = (tableau: unknown) => ({
  'POST /auth/login/': connexionOk,
  'GET /clients/CG-2024-VIE-001/dashboard/': tableau,
  'POST /auth/logout/': json(null, 204),
});

describe('Tableau de bord', () => {
  it('says « À régulariser » with the arrears, each card with the one button that fits', async () => {
    fauxReseau(routes(dashboard));
    rendreApp();
    seConnecterUI();
    const situation = await screen.findByTestId('situation');
    expect(espaces(situation.textContent)).toContain('À régulariser : 10 000 FCFA');
    expect(situation).toHaveClass('resume--retard');

    const carte = screen.getByTestId('contrat-CG-2024-EPG-001');
    expect(carte).toHaveTextContent('PASS BATELA');
    expect(carte).toHaveTextContent('Actif');
    expect(espaces(carte.textContent)).toContain('01/11/2024 · 5 000 FCFA');
    expect(espaces(carte.textContent)).toContain('En retard : 10 000 FCFA');
    expect(within(carte).getByRole('button', { name: /^Régulariser/ })).toBeInTheDocument();
    expect(within(carte).getByRole('button', { name: /^Voir le détail/ })).toBeInTheDocument();
    const kimiaCarte = screen.getByTestId('contrat-CG-2024-VIE-001');
    expect(kimiaCarte).toHaveTextContent('À jour');
    expect(within(kimiaCarte).getByRole('button', { name: /^Payer d'avance/ })).toBeInTheDocument();
  });

  it('never nets an advance on one contrat against arrears on another', async () => {
    // KIMIA 3 750 ahead, BATELA 10 000 late: the old headline said "En retard de 6 250".
    const tableau = { ...dashboard, solde_global: -6250, arrieres: 10000, avance: 3750, contrats: [{ ...kimia, solde: 3750 }, batela] };
    fauxReseau(routes(tableau));
    rendreApp();
    seConnecterUI();
    const situation = await screen.findByTestId('situation');
    expect(espaces(situation.textContent)).toContain('À régulariser : 10 000 FCFA');
    expect(espaces(situation.textContent)).not.toContain('6 250');
  });

  it('says « À jour » in green with the advance', async () => {
    fauxReseau(routes({ ...dashboard, solde_global: 2500, arrieres: 0, avance: 2500, contrats: [{ ...kimia, solde: 2500 }] }));
    rendreApp();
    seConnecterUI();
    const situation = await screen.findByTestId('situation');
    expect(espaces(situation.textContent)).toContain("À jour · d'avance : 2 500 FCFA");
    expect(situation).toHaveClass('resume--ok');
  });

  it('an expired PASS is not « À jour » and offers « Renouveler »', async () => {
    const expire = { ...kimia, etat: 'expire' as const, renouvelable: true, prochaine_echeance: null, arrieres: 0, solde: 0 };
    fauxReseau(routes({ ...dashboard, arrieres: 0, avance: 0, contrats: [expire] }));
    rendreApp();
    seConnecterUI();
    const carte = await screen.findByTestId('contrat-CG-2024-VIE-001');
    expect(carte).toHaveTextContent('Expiré');
    expect(within(carte).queryByText(/À jour/)).not.toBeInTheDocument();
    expect(within(carte).getByRole('button', { name: /^Renouveler/ })).toBeInTheDocument();
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

  it('keeps « Terminer » on the « indisponible » screen while signed in', async () => {
    const f = fauxReseau({ 'POST /auth/login/': connexionOk, 'POST /auth/logout/': json(null, 204) });
    f.fetch.mockImplementation(async (input: RequestInfo | URL) => {
      if (String(input).includes('/auth/login/')) return json(connexionOk);
      throw new TypeError('Failed to fetch');
    });
    rendreApp();
    seConnecterUI();
    expect(await screen.findByText('Service momentanément indisponible')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Terminer/ }));
    expect(screen.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' })).toBeInTheDocument();
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
