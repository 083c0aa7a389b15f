import { act, fireEvent, screen } from '@testing-library/react';
import { connexionOk, dashboard, espaces, fauxReseau, json, rendreApp, seConnecterUI } from '../../../test/utils';

describe('Connexion', () => {
  it('sends the police with CG- and the canonical telephone, then shows the account', async () => {
    const reseau = fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
    });
    rendreApp();
    seConnecterUI();
    expect(await screen.findByText('Mes contrats')).toBeInTheDocument();
    expect(reseau.corps(0)).toEqual({ police: 'CG-2024-VIE-001', telephone: '+242061234567' });
    const entetes = reseau.appels[0].init.headers as Record<string, string>;
    expect(entetes['X-Borne-Id']).toBe('BZV-DEMO-01');
    expect(entetes['X-Borne-Key']).toBe('cle-demo');
    const tableau = reseau.appels[1].init.headers as Record<string, string>;
    expect(tableau.Authorization).toBe('Bearer ACCESS');
    expect(reseau.appels[1].init.cache).toBe('no-store');
  });

  it('keeps Valider off until both numbers are complete', () => {
    fauxReseau({});
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Consulter mon compte/ }));
    expect(screen.getByRole('button', { name: 'Valider' })).toBeDisabled();
  });

  it('says clearly when the pair is wrong', async () => {
    fauxReseau({
      'POST /auth/login/': json({ code: 'identifiants_invalides', message: 'Numéro de police ou téléphone incorrect.' }, 401),
    });
    rendreApp();
    seConnecterUI('2024-VIE-001', '069999999');
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent('Numéro de police ou téléphone incorrect');
    expect(alerte).toHaveTextContent('Vérifiez les deux numéros');
  });

  it('shows the wait after too many attempts and counts it down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      fauxReseau({
        'POST /auth/login/': json(
          { code: 'trop_de_tentatives', message: 'Trop de tentatives. Réessayez plus tard.', details: { retry_after: 840 } },
          429,
          { 'Retry-After': '840' },
        ),
      });
      rendreApp();
      seConnecterUI('2024-VIE-999');
      const alerte = await screen.findByRole('alert');
      expect(alerte).toHaveTextContent('Trop de tentatives');
      expect(espaces(alerte.textContent)).toContain('14 min');
      expect(screen.getByRole('button', { name: 'Valider' })).toBeDisabled();
      for (let i = 0; i < 5; i++) {
        await act(async () => {
          vi.advanceTimersByTime(1000);
        });
      }
      expect(espaces(screen.getByRole('alert').textContent)).toMatch(/13 min 5\d s/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when the network is down and lets the person try again', async () => {
    const f = fauxReseau({});
    f.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    rendreApp();
    seConnecterUI();
    expect(await screen.findByRole('alert')).toHaveTextContent('Service momentanément indisponible');
    expect(screen.getByRole('button', { name: 'Valider' })).toBeEnabled();
  });

  it('shows the field messages of a 400', async () => {
    fauxReseau({
      'POST /auth/login/': json(
        { code: 'donnees_invalides', message: 'Données invalides.', details: { telephone: ['Le téléphone doit être +242 suivi de 9 chiffres.'] } },
        400,
      ),
    });
    rendreApp();
    seConnecterUI();
    expect(await screen.findByRole('alert')).toHaveTextContent('Le téléphone doit être +242 suivi de 9 chiffres.');
  });

  it('says when the borne is not recognised', async () => {
    fauxReseau({ 'POST /auth/login/': json({ code: 'borne_inconnue', message: 'Borne inconnue.' }, 401) });
    rendreApp();
    seConnecterUI();
    expect(await screen.findByRole('alert')).toHaveTextContent('Adressez-vous à un conseiller');
  });
});
