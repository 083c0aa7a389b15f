import { act, fireEvent, screen } from '@testing-library/react';
import { espaces, fauxReseau, json, rendreApp, taper } from '../../../test/utils';
import produitsJson from '../../../../../fixtures/produits.json';

const cree = {
  souscription: { numero_souscription: 'PASS-KIMIA-2024-000042', statut: 'en_attente_paiement', produit: 'KIMIA', montant_prime: 5000, periodicite: 'trimestrielle', montant_echeance: 1250 },
  paiement: { reference: 'PAY-9', statut: 'en_attente', montant: 1250 },
};
const paiement = { reference: 'PAY-9', statut: 'en_attente', motif_echec: null, montant: 1250, type_paiement: 'souscription_initiale', numero_police: null, numero_souscription: 'PASS-KIMIA-2024-000042', date_confirmation: null };

async function avancer(secondes: number) {
  for (let i = 0; i < secondes; i++) {
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
  }
}

const suivant = () => fireEvent.click(screen.getByTestId('bouton-suivant'));

async function jusquAuxBeneficiaires() {
  rendreApp();
  fireEvent.click(screen.getByRole('button', { name: /Souscrire un PASS/ }));
  fireEvent.click(await screen.findByTestId('produit-KIMIA'));
  suivant();
  fireEvent.click(screen.getByRole('button', { name: /^5\s000\sFCFA$/ }));
  fireEvent.click(screen.getByTestId('periodicite-trimestrielle'));
  expect(espaces(screen.getByTestId('montant-echeance').textContent)).toContain('Vous paierez 1 250 FCFA par trimestre');
  suivant();
  taper('MBOUNGOU');
  fireEvent.click(screen.getByTestId('champ-prenom'));
  taper('ALICE');
  fireEvent.click(screen.getByTestId('champ-telephone'));
  taper('069998877');
  suivant();
}

async function remplir() {
  await jusquAuxBeneficiaires();
  fireEvent.click(screen.getByRole('button', { name: /Ajouter un bénéficiaire/ }));
  taper('MBOUNGOU');
  fireEvent.click(screen.getByTestId('champ-benef-prenom'));
  taper('PAUL');
  fireEvent.click(screen.getByRole('radio', { name: 'Enfant' }));
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter ce bénéficiaire' }));
  expect(screen.getByText(/PAUL MBOUNGOU/)).toBeInTheDocument();
  suivant();
  return screen.getByTestId('bouton-souscrire');
}

/** Another number as payer: the API asks for the proof, the kiosk is asked for a code. */
async function unProchePaieEtDemandeUnCode() {
  const bouton = await remplir();
  fireEvent.click(screen.getByRole('button', { name: 'Payer avec un autre numéro' }));
  for (let i = 0; i < 9; i++) fireEvent.click(screen.getByTestId('touche-effacer'));
  taper('061112233');
  fireEvent.click(bouton);
  fireEvent.click(await screen.findByTestId('bouton-code-souscripteur'));
}

describe('Souscrire', () => {
  afterEach(() => vi.useRealTimers());

  it('walks through the steps, sends one souscription, waits for the phone and shows the numbers', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let n = 0;
    const reseau = fauxReseau({
      'GET /produits/': produitsJson,
      'POST /souscriptions/': json(cree, 201),
      'GET /paiements/PAY-9/': () =>
        json(++n < 2 ? paiement : { ...paiement, statut: 'succes', numero_police: 'CG-2024-VIE-042', date_confirmation: '2024-10-01T10:00:00+01:00' }),
    });
    const bouton = await remplir();
    expect(espaces(bouton.textContent)).toBe('Souscrire et payer 1 250 FCFA');
    fireEvent.click(bouton);
    fireEvent.click(bouton);
    await screen.findByText('Validez le paiement sur votre téléphone');
    const posts = reseau.appels.filter((a) => a.method === 'POST');
    expect(posts).toHaveLength(1);
    expect((posts[0].init.headers as Record<string, string>)['Idempotency-Key']).toBeTruthy();
    expect((posts[0].init.headers as Record<string, string>)['X-Borne-Key']).toBe('cle-demo');
    expect(JSON.parse(String(posts[0].init.body))).toEqual({
      client: { nom: 'MBOUNGOU', prenom: 'ALICE', telephone: '+242069998877' },
      produit: 'KIMIA',
      montant_prime: 5000,
      periodicite: 'trimestrielle',
      beneficiaires: [{ nom: 'MBOUNGOU', prenom: 'PAUL', lien: 'enfant' }],
      numero_payeur: '+242069998877',
      operateur: 'mtn_momo',
    });
    await avancer(5);
    const ok = await screen.findByTestId('souscription-confirmee');
    expect(screen.getByTestId('numero-souscription')).toHaveTextContent('PASS-KIMIA-2024-000042');
    expect(screen.getByTestId('numero-police')).toHaveTextContent('CG-2024-VIE-042');
    expect(ok).toBeInTheDocument();
    const lecture = reseau.appels.find((a) => a.path === '/paiements/PAY-9/');
    expect((lecture?.init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  // What the API sends (docs/sms-whatsapp.md): the police number when it is attributed, and the
  // payment's receipt, to the subscriber's telephone (and to the payer's).
  it('prints the confirmation at once in the kiosk and says what the telephone will receive', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const print = vi.fn();
    window.borne = { print, version: () => '1.0.0' };
    try {
      fauxReseau({
        'GET /produits/': produitsJson,
        'POST /souscriptions/': json(cree, 201),
        'GET /paiements/PAY-9/': json({ ...paiement, statut: 'succes', date_confirmation: '2024-10-01T10:00:00+01:00' }),
      });
      fireEvent.click(await remplir());
      await avancer(3);
      const ok = await screen.findByTestId('souscription-confirmee');
      await avancer(1);
      expect(print).toHaveBeenCalledTimes(1);
      expect(screen.getByTestId('impression-confirmation')).toHaveTextContent(
        'Le numéro de police part aussi par SMS ou WhatsApp au téléphone du souscripteur, avec le reçu du paiement.',
      );
      expect(screen.getByTestId('numero-police')).toHaveTextContent('attribué prochainement : il vous sera envoyé par SMS ou WhatsApp');
      expect(ok).toHaveTextContent('Agence de Brazzaville');
    } finally {
      delete window.borne;
    }
  });

  it('never loses a bénéficiaire being typed: complete → added on « Continuer »', async () => {
    const reseau = fauxReseau({ 'GET /produits/': produitsJson, 'POST /souscriptions/': json(cree, 201) });
    await jusquAuxBeneficiaires();
    fireEvent.click(screen.getByRole('button', { name: /Ajouter un bénéficiaire/ }));
    taper('MBOUNGOU');
    fireEvent.click(screen.getByTestId('champ-benef-prenom'));
    taper('PAUL');
    fireEvent.click(screen.getByRole('radio', { name: 'Enfant' }));
    suivant(); // without « Ajouter ce bénéficiaire »
    expect(screen.getByText(/Bénéficiaires : PAUL MBOUNGOU \(Enfant\)/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('bouton-souscrire'));
    await act(async () => {});
    expect(reseau.corps(1).beneficiaires).toEqual([{ nom: 'MBOUNGOU', prenom: 'PAUL', lien: 'enfant' }]);
  });

  it('asks before leaving a bénéficiaire half typed', async () => {
    fauxReseau({ 'GET /produits/': produitsJson });
    await jusquAuxBeneficiaires();
    fireEvent.click(screen.getByRole('button', { name: /Ajouter un bénéficiaire/ }));
    taper('MBOUNGOU');
    suivant();
    expect(screen.getByText(/commencé un bénéficiaire sans le terminer/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('completer-beneficiaire'));
    expect(screen.getByTestId('champ-benef-nom')).toHaveTextContent('MBOUNGOU');
    suivant();
    fireEvent.click(screen.getByTestId('abandonner-beneficiaire'));
    expect(screen.getByText('Aucun bénéficiaire')).toBeInTheDocument();
  });

  it('names every step', async () => {
    fauxReseau({ 'GET /produits/': produitsJson });
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Souscrire un PASS/ }));
    const etapes = screen.getByRole('list', { name: 'Étapes' });
    for (const nom of ['Produit', 'Montant', 'Identité', 'Bénéficiaires', 'Paiement']) expect(etapes).toHaveTextContent(nom);
  });

  it('refuses an échéance under the product minimum', async () => {
    fauxReseau({ 'GET /produits/': produitsJson });
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Souscrire un PASS/ }));
    fireEvent.click(await screen.findByTestId('produit-SALISA'));
    suivant();
    taper('600');
    fireEvent.click(screen.getByTestId('periodicite-mensuelle'));
    expect(screen.getByTestId('montant-echeance')).toHaveTextContent("doit être d'au moins");
    expect(screen.getByTestId('bouton-suivant')).toBeDisabled();
  });

  it('shows the API messages of a refused souscription', async () => {
    fauxReseau({
      'GET /produits/': produitsJson,
      'POST /souscriptions/': json(
        { code: 'donnees_invalides', message: 'Certaines informations sont invalides.', details: { client: { telephone: ['Ce numéro est invalide.'] } } },
        400,
      ),
    });
    fireEvent.click(await remplir());
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent('Certaines informations sont invalides.');
    expect(alerte).toHaveTextContent('Ce numéro est invalide.');
  });
  it('retries a refused first payment on the same souscription, never a second PASS', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const relance = { ...cree, paiement: { ...cree.paiement, reference: 'PAY-10' } };
    const reseau = fauxReseau({
      'GET /produits/': produitsJson,
      'POST /souscriptions/': json(cree, 201),
      'GET /paiements/PAY-9/': () =>
        json({ ...paiement, statut: 'echec', motif_echec: 'Vous avez refusé le paiement sur votre téléphone.' }),
      'POST /souscriptions/PASS-KIMIA-2024-000042/paiement/': () => json(relance, 202),
      'GET /paiements/PAY-10/': () =>
        json({ ...paiement, reference: 'PAY-10', statut: 'succes', numero_police: 'CG-2024-VIE-042' }),
    });
    fireEvent.click(await remplir());
    await avancer(3);
    fireEvent.click(await screen.findByRole('button', { name: 'Réessayer' }));
    fireEvent.click(await screen.findByTestId('bouton-souscrire'));
    await avancer(3);
    await screen.findByTestId('souscription-confirmee');
    const posts = reseau.appels.filter((a) => a.method === 'POST');
    expect(posts.map((a) => a.path)).toEqual(['/souscriptions/', '/souscriptions/PASS-KIMIA-2024-000042/paiement/']);
    expect(JSON.parse(String(posts[1].init.body))).toEqual({ numero_payeur: '+242069998877', operateur: 'mtn_momo' });
  });

  it('explains that the first payment must come from the subscriber\'s phone, and offers it', async () => {
    const preuve = {
      code: 'preuve_telephone_requise',
      message: 'Pour souscrire, le premier paiement doit être validé depuis le téléphone du souscripteur.',
    };
    let essais = 0;
    const reseau = fauxReseau({
      'GET /produits/': produitsJson,
      'POST /souscriptions/': () => (++essais === 1 ? json(preuve, 409) : json(cree, 201)),
    });
    const bouton = await remplir();
    expect(screen.getByTestId('consigne-payeur')).toHaveTextContent('téléphone du souscripteur');
    // Someone else's number as payer: refused by the API before anything is written.
    fireEvent.click(screen.getByRole('button', { name: 'Payer avec un autre numéro' }));
    for (let i = 0; i < 9; i++) fireEvent.click(screen.getByTestId('touche-effacer'));
    taper('061112233');
    fireEvent.click(bouton);
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent('Le téléphone du souscripteur doit être prouvé');
    expect(espaces(alerte.textContent)).toContain('en payant depuis ce téléphone');
    fireEvent.click(screen.getByTestId('bouton-payeur-souscripteur'));
    fireEvent.click(screen.getByTestId('bouton-souscrire'));
    await screen.findByText('Validez le paiement sur votre téléphone');
    const posts = reseau.appels.filter((a) => a.method === 'POST').map((a) => JSON.parse(String(a.init.body)).numero_payeur);
    expect(posts).toEqual(['+242061112233', '+242069998877']);
  });

  it('a relative pays: a code sent to the subscriber\'s telephone proves it, then the souscription is sent with the proof', async () => {
    const refus = { code: 'preuve_telephone_requise', message: 'Preuve requise.' };
    const reseau = fauxReseau({
      'GET /produits/': produitsJson,
      'POST /souscriptions/': (init: RequestInit & { url: string }) =>
        JSON.parse(String(init.body)).code_preuve === 'PREUVE-OK' ? json(cree, 201) : json(refus, 409),
      'POST /preuves/telephone/': json({ message: 'envoyé' }, 202),
      'POST /preuves/telephone/verifier/': json({ code_preuve: 'PREUVE-OK' }),
    });
    await unProchePaieEtDemandeUnCode();
    expect(espaces((await screen.findByText(/vient d'être envoyé par SMS ou WhatsApp/)).textContent)).toContain('+242 06 999 88 77');
    // No dead end: the way back to the payment is there.
    expect(screen.getByTestId('annuler-preuve')).toHaveTextContent('Retour au paiement');
    taper('123456');
    fireEvent.click(screen.getByTestId('valider-code'));
    await screen.findByText('Validez le paiement sur votre téléphone');
    const code = reseau.appels.find((a) => a.path === '/preuves/telephone/');
    expect(JSON.parse(String(code?.init.body))).toEqual({ telephone: '+242069998877' });
    const posts = reseau.appels.filter((a) => a.path === '/souscriptions/').map((a) => JSON.parse(String(a.init.body)));
    expect(posts.map((c) => [c.numero_payeur, c.code_preuve])).toEqual([
      ['+242061112233', undefined],
      ['+242061112233', 'PREUVE-OK'],
    ]);
    // A new intent: the refused request's Idempotency-Key is not reused.
    const cles = reseau.appels.filter((a) => a.path === '/souscriptions/').map((a) => (a.init.headers as Record<string, string>)['Idempotency-Key']);
    expect(cles[0]).not.toBe(cles[1]);
  });

  it('cancelling the code goes back to the payment step, where paying from the subscriber\'s phone is still offered', async () => {
    fauxReseau({
      'GET /produits/': produitsJson,
      'POST /souscriptions/': json({ code: 'preuve_telephone_requise', message: 'Preuve requise.' }, 409),
      'POST /preuves/telephone/': json({ code: 'canal_indisponible', message: "L'envoi de codes n'est pas disponible." }, 409),
    });
    await unProchePaieEtDemandeUnCode();
    expect(await screen.findByRole('alert')).toHaveTextContent('Le code ne peut pas être envoyé');
    fireEvent.click(screen.getByTestId('annuler-preuve'));
    expect(screen.getByTestId('bouton-payeur-souscripteur')).toBeInTheDocument();
    expect(screen.getByTestId('bouton-souscrire')).toBeInTheDocument();
  });
});
