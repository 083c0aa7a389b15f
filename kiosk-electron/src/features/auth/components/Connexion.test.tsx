import { act, fireEvent, screen } from '@testing-library/react';
import { connexionOk, dashboard, espaces, fauxReseau, json, rendreApp, seConnecterUI, taper } from '../../../test/utils';

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
    expect(alerte).toHaveTextContent('ne vont pas ensemble : vérifiez-les');
    // Said once, in one place: one alert, and no second sentence saying the same thing.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText(/incorrect/)).not.toBeInTheDocument();
    expect(screen.getByTestId('champ-police').closest('.champ')).toHaveClass('champ--erreur');
  });

  it('keeps the keypad in place when a message appears', async () => {
    fauxReseau({
      'POST /auth/login/': json({ code: 'identifiants_invalides', message: 'Numéro de police ou téléphone incorrect.' }, 401),
    });
    rendreApp();
    seConnecterUI('2024-VIE-001', '069999999');
    await screen.findByRole('alert');
    // The message lives in a zone that is always there (its height is fixed by the style sheet).
    expect(screen.getByTestId('message-connexion')).toContainElement(screen.getByRole('alert'));
  });

  it('types a typical police in at most 8 taps, dashes written by the kiosk', () => {
    fauxReseau({});
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Consulter mon compte/ }));
    let taps = 0;
    const toucher = (el: HTMLElement) => {
      taps += 1;
      fireEvent.click(el);
    };
    toucher(screen.getByTestId('annee-2024'));
    toucher(screen.getByTestId('categorie-VIE'));
    for (const c of '001') toucher(screen.getByTestId(`touche-${c}`));
    toucher(screen.getByTestId('suivant-telephone'));
    expect(screen.getByTestId('champ-police')).toHaveTextContent('CG-2024-VIE-001');
    expect(taps).toBeLessThanOrEqual(8);
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
      expect(alerte).toHaveTextContent('Trop d’essais');
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

  it('a lockout concerns that police only: another police can be validated', async () => {
    fauxReseau({
      'POST /auth/login/': json({ code: 'trop_de_tentatives', message: 'Trop de tentatives.' }, 429, { 'Retry-After': '600' }),
    });
    rendreApp();
    seConnecterUI('2024-VIE-999');
    await screen.findByRole('alert');
    expect(screen.getByRole('button', { name: 'Valider' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: /Modifier la police/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Effacer' }));
    taper('8');
    expect(screen.getByTestId('champ-police')).toHaveTextContent('CG-2024-VIE-998');
    expect(screen.getByRole('button', { name: 'Valider' })).toBeEnabled();
  });

  it('says when the network is down and lets the person try again', async () => {
    const f = fauxReseau({});
    f.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    rendreApp();
    seConnecterUI();
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent('Problème de réseau');
    expect(alerte).not.toHaveTextContent(/corrig/i);
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
    expect(await screen.findByRole('alert')).toHaveTextContent('adressez-vous à un conseiller');
  });
});
