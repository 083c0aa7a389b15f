import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { batela, connexionOk, dashboard, detail, fauxReseau, json, rendreApp, seConnecterUI, taper } from '../../../test/utils';

const routes = (extra: Record<string, unknown> = {}) => ({
  'POST /auth/login/': connexionOk,
  'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
  'GET /contrats/CG-2024-EPG-001/': detail(batela),
  ...extra,
});

async function ouvrir() {
  rendreApp();
  seConnecterUI();
  fireEvent.click(await screen.findByRole('button', { name: /Voir le détail PASS BATELA/ }));
  fireEvent.click(await screen.findByTestId('gerer-beneficiaires'));
  await screen.findByTestId('beneficiaire-1');
}

function ajouterLucNgoma() {
  fireEvent.click(screen.getByTestId('ajouter-beneficiaire'));
  taper('NGOMA');
  fireEvent.click(screen.getByTestId('champ-benef-prenom'));
  taper('LUC');
  fireEvent.click(screen.getByRole('radio', { name: 'Enfant' }));
  fireEvent.click(screen.getByTestId('enregistrer-beneficiaire'));
}

describe('Bénéficiaires', () => {
  it('adds one', async () => {
    const reseau = fauxReseau(routes({ 'POST /contrats/CG-2024-EPG-001/beneficiaires/': json({ id: 2 }, 201) }));
    await ouvrir();
    ajouterLucNgoma();
    expect(await screen.findByText('LUC NGOMA est ajouté(e).')).toBeInTheDocument();
    // The API tells the client's telephone about every kiosk change: the screen says so.
    expect(screen.getByText('Un message le confirme sur votre téléphone (SMS ou WhatsApp).')).toBeInTheDocument();
    const post = reseau.appels.find((a) => a.method === 'POST' && a.path.endsWith('/beneficiaires/'));
    expect(JSON.parse(String(post?.init.body))).toEqual({ nom: 'NGOMA', prenom: 'LUC', lien: 'enfant' });
  });

  it('changes one', async () => {
    const reseau = fauxReseau(routes({ 'PATCH /contrats/CG-2024-EPG-001/beneficiaires/1/': json({ id: 1 }) }));
    await ouvrir();
    fireEvent.click(screen.getByRole('button', { name: 'Changer Marie KONGO' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Parent' }));
    fireEvent.click(screen.getByTestId('enregistrer-beneficiaire'));
    await screen.findByText('Marie KONGO est modifié(e).');
    const patch = reseau.appels.find((a) => a.method === 'PATCH');
    expect(JSON.parse(String(patch?.init.body))).toEqual({ nom: 'KONGO', prenom: 'Marie', lien: 'parent' });
  });

  it('removes one after asking', async () => {
    const reseau = fauxReseau(routes({ 'DELETE /contrats/CG-2024-EPG-001/beneficiaires/1/': json(null, 204) }));
    await ouvrir();
    fireEvent.click(screen.getByRole('button', { name: 'Retirer Marie KONGO' }));
    expect(reseau.appels.some((a) => a.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('confirmer-retrait'));
    await act(async () => {});
    expect(reseau.appels.some((a) => a.method === 'DELETE')).toBe(true);
    expect(await screen.findByText('Marie KONGO est retiré(e).')).toBeInTheDocument();
  });
});

/**
 * The code proof, through the bénéficiaires screen: the API refuses a kiosk change without it
 * (409 preuve_telephone_requise), the kiosk sends a code to the client's telephone, the client
 * types it, the change is sent again with the proof.
 */
const BENEFICIAIRES = 'POST /contrats/CG-2024-EPG-001/beneficiaires/';
const PREUVE_REQUISE = json(
  { code: 'preuve_telephone_requise', message: 'Pour modifier les bénéficiaires, saisissez le code envoyé au téléphone du client.' },
  409,
);
const refus = (code: string, message: string) => json({ code, message, details: { code: [message] } }, 400);

/** Accepts a change only with the proof the verification gave. */
const exigePreuve = (reponse: unknown, statut = 200) => (init: RequestInit & { url: string }) => {
  const corps = init.body ? JSON.parse(String(init.body)) : {};
  const entetes = (init.headers ?? {}) as Record<string, string>;
  return corps.code_preuve === 'PREUVE-OK' || entetes['X-Code-Preuve'] === 'PREUVE-OK' ? json(reponse, statut) : PREUVE_REQUISE.clone();
};

const codeJuste = (init: RequestInit & { url: string }) =>
  JSON.parse(String(init.body)).code === '123456' ? json({ code_preuve: 'PREUVE-OK' }) : refus('code_incorrect', 'Code incorrect. Essais restants : 2.');

const routesPreuve = (extra: Record<string, unknown> = {}) =>
  routes({
    [BENEFICIAIRES]: exigePreuve({ id: 2 }, 201),
    'POST /preuves/telephone/': json({ message: 'Un code à 6 chiffres a été envoyé.' }, 202),
    'POST /preuves/telephone/verifier/': codeJuste,
    ...extra,
  });

async function ouvrirEtAjouter() {
  await ouvrir();
  ajouterLucNgoma();
  await screen.findByTestId('preuve-code');
}

const demandesDeCode = (reseau: ReturnType<typeof fauxReseau>) => reseau.appels.filter((a) => a.path === '/preuves/telephone/');

describe('Preuve par code (bénéficiaires)', () => {
  it('sends a code to the client\'s telephone, checks the typed code, then makes the change with the proof', async () => {
    const reseau = fauxReseau(routesPreuve());
    await ouvrirEtAjouter();
    expect(await screen.findByText(/Un code à 6 chiffres vient d'être envoyé par SMS ou WhatsApp au \+242 06 123 45 67/)).toBeInTheDocument();
    expect(JSON.parse(String(demandesDeCode(reseau)[0].init.body))).toEqual({ telephone: '+242061234567' });
    expect(screen.getByRole('button', { name: /Terminer/ })).toBeInTheDocument();
    expect(screen.getByTestId('valider-code')).toBeDisabled();
    taper('123456');
    fireEvent.click(screen.getByTestId('valider-code'));
    expect(await screen.findByText('LUC NGOMA est ajouté(e).')).toBeInTheDocument();
    const ajouts = reseau.appels.filter((a) => a.method === 'POST' && a.path.endsWith('/beneficiaires/'));
    expect(ajouts.map((a) => JSON.parse(String(a.init.body)).code_preuve)).toEqual([undefined, 'PREUVE-OK']);
  });

  it('reuses the proof for the next change of the session, and puts it in a header for a removal', async () => {
    const reseau = fauxReseau(
      routesPreuve({ 'DELETE /contrats/CG-2024-EPG-001/beneficiaires/1/': exigePreuve(null, 204) }),
    );
    await ouvrirEtAjouter();
    taper('123456');
    fireEvent.click(screen.getByTestId('valider-code'));
    await screen.findByText('LUC NGOMA est ajouté(e).');
    fireEvent.click(screen.getByRole('button', { name: 'Retirer Marie KONGO' }));
    fireEvent.click(screen.getByTestId('confirmer-retrait'));
    expect(await screen.findByText('Marie KONGO est retiré(e).')).toBeInTheDocument();
    const retrait = reseau.appels.find((a) => a.method === 'DELETE');
    expect((retrait?.init.headers as Record<string, string>)['X-Code-Preuve']).toBe('PREUVE-OK');
    expect(demandesDeCode(reseau)).toHaveLength(1);
  });

  it('says a wrong code is wrong, with the tries left, and lets the client type it again', async () => {
    fauxReseau(routesPreuve());
    await ouvrirEtAjouter();
    taper('654321');
    fireEvent.click(screen.getByTestId('valider-code'));
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent("Ce code n'est pas le bon");
    expect(alerte).toHaveTextContent('Essais restants : 2.');
    expect(screen.getByTestId('champ-code')).toHaveAccessibleName('Code reçu (6 chiffres)');
    taper('123456');
    fireEvent.click(screen.getByTestId('valider-code'));
    expect(await screen.findByText('LUC NGOMA est ajouté(e).')).toBeInTheDocument();
  });

  it('says an expired code is no longer valid, and sends a new one on « Renvoyer le code »', async () => {
    let verifications = 0;
    const reseau = fauxReseau(
      routesPreuve({
        'POST /preuves/telephone/verifier/': (init: RequestInit & { url: string }) =>
          ++verifications === 1 ? refus('code_expire', 'Aucun code valide pour ce téléphone : demandez un nouveau code.') : codeJuste(init),
      }),
    );
    await ouvrirEtAjouter();
    taper('111111');
    fireEvent.click(screen.getByTestId('valider-code'));
    expect(await screen.findByRole('alert')).toHaveTextContent("Ce code n'est plus valable");
    fireEvent.click(screen.getByTestId('renvoyer-code'));
    await waitFor(() => expect(demandesDeCode(reseau)).toHaveLength(2));
    await screen.findByText(/vient d'être envoyé/);
    taper('123456');
    fireEvent.click(screen.getByTestId('valider-code'));
    expect(await screen.findByText('LUC NGOMA est ajouté(e).')).toBeInTheDocument();
  });

  it('after too many tries, says the code no longer works and how to get a new one', async () => {
    fauxReseau(routesPreuve({ 'POST /preuves/telephone/verifier/': refus('code_epuise', "Trop d'essais pour ce code : demandez un nouveau code.") }));
    await ouvrirEtAjouter();
    taper('999999');
    fireEvent.click(screen.getByTestId('valider-code'));
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent("Trop d'essais pour ce code");
    expect(alerte).toHaveTextContent('Renvoyer le code');
    expect(screen.getByTestId('renvoyer-code')).toBeEnabled();
  });

  it('respects the limit of codes: no new code before Retry-After, the last code can still be typed', async () => {
    let demandes = 0;
    const reseau = fauxReseau(
      routesPreuve({
        'POST /preuves/telephone/': () =>
          ++demandes === 1
            ? json({ message: 'envoyé' }, 202)
            : json({ code: 'trop_de_demandes', message: 'Trop de codes demandés pour ce téléphone.' }, 429, { 'Retry-After': '1' }),
      }),
    );
    await ouvrirEtAjouter();
    await screen.findByText(/vient d'être envoyé/);
    fireEvent.click(screen.getByTestId('renvoyer-code'));
    const alerte = await screen.findByRole('alert');
    expect(alerte).toHaveTextContent('Trop de codes demandés pour ce téléphone');
    expect(alerte).toHaveTextContent('dans 1 s');
    expect(screen.getByTestId('renvoyer-code')).toBeDisabled();
    // Once Retry-After has passed, a new code may be asked.
    await waitFor(() => expect(screen.getByTestId('renvoyer-code')).toBeEnabled(), { timeout: 3000 });
    expect(demandesDeCode(reseau)).toHaveLength(2);
    taper('123456');
    fireEvent.click(screen.getByTestId('valider-code'));
    expect(await screen.findByText('LUC NGOMA est ajouté(e).')).toBeInTheDocument();
  });

  it('shows the wait in minutes for a long Retry-After', async () => {
    fauxReseau(
      routesPreuve({
        'POST /preuves/telephone/': json({ code: 'trop_de_demandes', message: 'Trop de codes.' }, 429, { 'Retry-After': '1700' }),
      }),
    );
    await ouvrirEtAjouter();
    expect(await screen.findByRole('alert')).toHaveTextContent('Vous pourrez en demander un nouveau dans 29 min.');
    expect(screen.getByTestId('renvoyer-code')).toHaveTextContent('Renvoyer le code (dans 29 min)');
  });

  it('without a channel to send codes, says so; cancelling goes back to the form, nothing is lost', async () => {
    fauxReseau(
      routesPreuve({
        'POST /preuves/telephone/': json(
          { code: 'canal_indisponible', message: "L'envoi de codes par SMS ou WhatsApp n'est pas disponible." },
          409,
        ),
      }),
    );
    await ouvrirEtAjouter();
    expect(await screen.findByRole('alert')).toHaveTextContent('Le code ne peut pas être envoyé');
    expect(screen.queryByTestId('valider-code')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('annuler-preuve'));
    await act(async () => {});
    expect(screen.getByTestId('enregistrer-beneficiaire')).toBeEnabled();
    expect(screen.getByRole('button', { name: /Terminer/ })).toBeInTheDocument();
  });

  it('a network failure while sending the code says so and lets the client try again', async () => {
    let demandes = 0;
    const reseau = fauxReseau(
      routesPreuve({
        'POST /preuves/telephone/': () => {
          if (++demandes === 1) throw new TypeError('Failed to fetch');
          return json({ message: 'envoyé' }, 202);
        },
      }),
    );
    await ouvrirEtAjouter();
    expect(await screen.findByRole('alert')).toHaveTextContent('Problème de réseau');
    fireEvent.click(screen.getByTestId('renvoyer-code'));
    await screen.findByText(/vient d'être envoyé/);
    expect(demandesDeCode(reseau)).toHaveLength(2);
  });
});
