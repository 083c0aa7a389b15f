import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { batela, connexionOk, dashboard, detail, espaces, fauxReseau, json, kimia, rendreApp, seConnecterUI, taper } from '../../../test/utils';
import { optionsPaiement } from './Payer';

const enAttente = { reference: 'PAY-1', statut: 'en_attente', motif_echec: null, montant: 10000, type_paiement: 'rattrapage', numero_police: 'CG-2024-EPG-001', numero_souscription: 'PASS-BATELA-2024-000002', date_confirmation: null };

async function avancer(secondes: number) {
  for (let i = 0; i < secondes; i++) {
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
  }
}

function routes(extra: Record<string, unknown> = {}) {
  return {
    'POST /auth/login/': connexionOk,
    'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
    'GET /contrats/CG-2024-EPG-001/': detail(batela),
    'GET /contrats/CG-2024-VIE-001/': detail(kimia),
    'POST /auth/logout/': json(null, 204),
    ...extra,
  };
}

async function ouvrirPayerBatela() {
  rendreApp();
  seConnecterUI();
  fireEvent.click(await screen.findByRole('button', { name: /Régulariser PASS BATELA/ }));
  return screen.findByTestId('bouton-payer');
}

describe('optionsPaiement', () => {
  it('proposes arrears first, then the next échéance', () => {
    expect(optionsPaiement(batela).map((o) => [o.id, o.montant])).toEqual([
      ['arrieres', 10000],
      ['echeance', 5000],
    ]);
  });
  it('proposes a renewal of montant_echeance for an expired contrat', () => {
    const o = optionsPaiement({ ...kimia, etat: 'expire', renouvelable: true, prochaine_echeance: null });
    expect(o).toEqual([expect.objectContaining({ id: 'renouvellement', montant: 1250, renouvellement: true })]);
  });
});

describe('Payer', () => {
  afterEach(() => vi.useRealTimers());

  it('« Payer ma prime » lands on the contrat in arrears, arrears pre-selected', async () => {
    fauxReseau(routes());
    rendreApp();
    seConnecterUI('2024-VIE-001', '061234567', /Payer ma prime/);
    const bouton = await screen.findByTestId('bouton-payer');
    expect(screen.getByText('PASS BATELA')).toBeInTheDocument();
    expect(espaces(bouton.textContent)).toBe('Payer 10 000 FCFA');
  });

  it('a paid-up contrat proposes an amount at once (never an empty screen)', async () => {
    const aJour = { ...kimia, arrieres: 0, solde: 1250, prochaine_echeance: null, renouvelable: false };
    fauxReseau(routes({ 'GET /clients/CG-2024-VIE-001/dashboard/': { ...dashboard, contrats: [aJour] }, 'GET /contrats/CG-2024-VIE-001/': detail(aJour) }));
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Payer d'avance PASS KIMIA/ }));
    const bouton = await screen.findByTestId('bouton-payer');
    expect(bouton).toBeEnabled();
    expect(espaces(bouton.textContent)).toBe('Payer 1 250 FCFA');
  });

  it('checks the payer number as it is typed: a number no operator takes is said at once, not after « Payer »', async () => {
    fauxReseau(routes());
    const bouton = await ouvrirPayerBatela();
    fireEvent.click(screen.getByRole('button', { name: /Payer avec un autre numéro/ }));
    fireEvent.click(screen.getByRole('button', { name: /Numéro du Congo/ }));
    taper('07');
    expect(screen.getByTestId('controle-payeur')).toHaveTextContent('Un numéro MTN commence par 06, un numéro Airtel par 05 ou 04.');
    taper('1234567');
    expect(bouton).toBeDisabled();
  });

  it('a client whose own number is Airtel gets it proposed with Airtel Money chosen; an unknown prefix leaves the field empty', async () => {
    fauxReseau(routes({ 'POST /auth/login/': { ...connexionOk, client: { ...connexionOk.client, telephone: '+242051234567' } } }));
    await ouvrirPayerBatela();
    expect(screen.getByRole('button', { name: 'Airtel Money' })).toHaveAttribute('aria-pressed', 'true');
    expect(espaces(screen.getByTestId('champ-payeur').textContent)).toContain('05 123 45 67');
    cleanup();
    fauxReseau(routes({ 'POST /auth/login/': { ...connexionOk, client: { ...connexionOk.client, telephone: '+242071234567' } } }));
    const bouton = await ouvrirPayerBatela();
    expect(screen.getByTestId('champ-payeur')).not.toHaveTextContent('07');
    expect(bouton).toBeDisabled();
  });

  it('a double tap sends ONE payment with one Idempotency-Key, then waits for the phone', async () => {
    let repondre: (r: Response) => void = () => {};
    const reseau = fauxReseau(
      routes({
        'POST /contrats/CG-2024-EPG-001/paiements/': () => new Promise<Response>((r) => (repondre = r)),
        'GET /paiements/PAY-1/': enAttente,
      }),
    );
    const bouton = await ouvrirPayerBatela();
    expect(espaces(bouton.textContent)).toBe('Payer 10 000 FCFA');
    fireEvent.click(bouton);
    fireEvent.click(bouton);
    fireEvent.click(bouton);
    await act(async () => {
      repondre(json({ reference: 'PAY-1', statut: 'en_attente', type_paiement: 'rattrapage', montant: 10000 }, 202));
    });
    expect(await screen.findByText('Validez le paiement sur votre téléphone')).toBeInTheDocument();
    const posts = reseau.appels.filter((a) => a.method === 'POST' && a.path.endsWith('/paiements/'));
    expect(posts).toHaveLength(1);
    const entetes = posts[0].init.headers as Record<string, string>;
    expect(entetes['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(String(posts[0].init.body))).toEqual({ montant: 10000, numero_payeur: '+242061234567', operateur: 'mtn_momo' });
  });

  it('a retry after a network error reuses the same Idempotency-Key', async () => {
    let panne = true;
    const reseau = fauxReseau(
      routes({
        'POST /contrats/CG-2024-EPG-001/paiements/': () => {
          if (panne) throw new TypeError('Failed to fetch');
          return json({ reference: 'PAY-1', statut: 'en_attente', montant: 10000 }, 202);
        },
        'GET /paiements/PAY-1/': enAttente,
      }),
    );
    const bouton = await ouvrirPayerBatela();
    fireEvent.click(bouton);
    const alerte = await screen.findByRole('alert');
    // A lost network is a network problem, never the person's typing mistake.
    expect(alerte).toHaveTextContent('Problème de réseau');
    expect(alerte).not.toHaveTextContent(/corrig/i);
    panne = false;
    fireEvent.click(screen.getByTestId('bouton-payer'));
    await screen.findByText('Validez le paiement sur votre téléphone');
    const cles = reseau.appels
      .filter((a) => a.method === 'POST' && a.path.endsWith('/paiements/'))
      .map((a) => (a.init.headers as Record<string, string>)['Idempotency-Key']);
    expect(cles).toHaveLength(2);
    expect(cles[0]).toBe(cles[1]);
  });

  it('polls every 2 s and shows the receipt on success', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let n = 0;
    const reseau = fauxReseau(
      routes({
        'POST /contrats/CG-2024-EPG-001/paiements/': json({ reference: 'PAY-1', statut: 'en_attente', montant: 10000 }, 202),
        'GET /paiements/PAY-1/': () =>
          json(++n < 3 ? enAttente : { ...enAttente, statut: 'succes', date_confirmation: '2024-10-01T10:00:00+01:00' }),
      }),
    );
    fireEvent.click(await ouvrirPayerBatela());
    await screen.findByText('Validez le paiement sur votre téléphone');
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    // A margin over the 3 polls (6 s): the test machine may be slow; polling stops at success.
    await avancer(10);
    const recu = await screen.findByTestId('paiement-succes', {}, { timeout: 5000 });
    expect(recu).toHaveTextContent('Paiement réussi');
    expect(espaces(recu.textContent)).toContain('10 000 FCFA');
    expect(reseau.appels.filter((a) => a.path === '/paiements/PAY-1/')).toHaveLength(3);
    expect(within(recu).getByRole('button', { name: /Imprimer le reçu/ })).toBeInTheDocument();
  });

  it('shows the operator refusal in plain French, and a new attempt is a new intent', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const reseau = fauxReseau(
      routes({
        'POST /contrats/CG-2024-EPG-001/paiements/': json({ reference: 'PAY-1', statut: 'en_attente', montant: 10000 }, 202),
        'GET /paiements/PAY-1/': { ...enAttente, statut: 'echec', motif_echec: 'Le payeur a refusé le paiement.' },
      }),
    );
    fireEvent.click(await ouvrirPayerBatela());
    await screen.findByText('Validez le paiement sur votre téléphone');
    await avancer(3);
    const echec = await screen.findByTestId('paiement-echec');
    expect(echec).toHaveTextContent('Le payeur a refusé le paiement.');
    fireEvent.click(within(echec).getByRole('button', { name: 'Réessayer' }));
    fireEvent.click(await screen.findByTestId('bouton-payer'));
    await screen.findByText('Validez le paiement sur votre téléphone');
    const cles = reseau.appels
      .filter((a) => a.method === 'POST' && a.path.endsWith('/paiements/'))
      .map((a) => (a.init.headers as Record<string, string>)['Idempotency-Key']);
    expect(cles).toHaveLength(2);
    expect(cles[0]).not.toBe(cles[1]);
  });

  it('after 120 s says the payment is still pending and what to do', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fauxReseau(
      routes({
        'POST /contrats/CG-2024-EPG-001/paiements/': json({ reference: 'PAY-1', statut: 'en_attente', montant: 10000 }, 202),
        'GET /paiements/PAY-1/': enAttente,
      }),
    );
    fireEvent.click(await ouvrirPayerBatela());
    await screen.findByText('Validez le paiement sur votre téléphone');
    await avancer(122);
    const delai = await screen.findByTestId('paiement-delai');
    expect(delai).toHaveTextContent('toujours en attente');
    expect(delai).toHaveTextContent('Ne payez pas une seconde fois');
  });

  it('shows the API message of a refused request (409)', async () => {
    fauxReseau(
      routes({
        'POST /contrats/CG-2024-EPG-001/paiements/': json({ code: 'paiement_en_cours', message: 'Un paiement est déjà en cours pour ce contrat.' }, 409),
      }),
    );
    fireEvent.click(await ouvrirPayerBatela());
    expect(await screen.findByRole('alert')).toHaveTextContent('Un paiement est déjà en cours pour ce contrat.');
  });

  it('pays another amount typed on the keypad, from a sandbox test number', async () => {
    const reseau = fauxReseau(
      routes({
        'POST /contrats/CG-2024-EPG-001/paiements/': json({ reference: 'PAY-1', statut: 'en_attente', montant: 2500 }, 202),
        'GET /paiements/PAY-1/': enAttente,
      }),
    );
    await ouvrirPayerBatela();
    fireEvent.click(screen.getByTestId('option-autre'));
    taper('2500');
    fireEvent.click(screen.getByRole('button', { name: 'Numéro de test' }));
    taper('46733123451');
    fireEvent.click(screen.getByTestId('bouton-payer'));
    await screen.findByText('Validez le paiement sur votre téléphone');
    const post = reseau.appels.find((a) => a.method === 'POST' && a.path.endsWith('/paiements/'));
    expect(JSON.parse(String(post?.init.body))).toEqual({ montant: 2500, numero_payeur: '46733123451', operateur: 'mtn_momo' });
  });

  it('sends renouvellement: true for the renewal of an expired contrat', async () => {
    const expire = { ...kimia, etat: 'expire' as const, renouvelable: true, prochaine_echeance: null };
    const reseau = fauxReseau(
      routes({
        'GET /clients/CG-2024-VIE-001/dashboard/': { ...dashboard, contrats: [expire] },
        'GET /contrats/CG-2024-VIE-001/': detail(expire),
        'POST /contrats/CG-2024-VIE-001/paiements/': json({ reference: 'PAY-1', statut: 'en_attente', montant: 1250 }, 202),
        'GET /paiements/PAY-1/': enAttente,
      }),
    );
    rendreApp();
    seConnecterUI('2024-VIE-001', '061234567', /Payer ma prime/);
    const bouton = await screen.findByTestId('bouton-payer');
    expect(screen.getByTestId('option-renouvellement')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(bouton);
    await screen.findByText('Validez le paiement sur votre téléphone');
    const post = reseau.appels.find((a) => a.method === 'POST' && a.path.endsWith('/paiements/'));
    expect(JSON.parse(String(post?.init.body))).toEqual({ montant: 1250, numero_payeur: '+242061234567', operateur: 'mtn_momo', renouvellement: true });
  });

  it('hides the test-number mode outside the sandbox', async () => {
    fauxReseau(routes());
    rendreApp({ sandbox: false });
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Régulariser PASS BATELA/ }));
    await screen.findByTestId('bouton-payer');
    expect(screen.queryByRole('button', { name: 'Numéro de test' })).not.toBeInTheDocument();
  });
});
