'use strict';
/**
 * A new client subscribes to PASS KIMIA from the kiosk and pays the first échéance. A relative's
 * number as payer needs the proof of the subscriber's telephone: in portrait a code read on the
 * local SMS centre (a new number is not "on WhatsApp"), in landscape paying from that phone.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const {
  FORMATS,
  lancer,
  ouvrir,
  capture,
  taper,
  effacerChamp,
  espaces,
  numeroAleatoire,
  codesRecus,
  nouveauCode,
  DELAI_PAIEMENT_MS,
} = require('./helpers');

for (const format of FORMATS) {
  test(`souscrire un PASS (${format.nom})`, { timeout: 300_000 }, async (t) => {
    const { navigateur, page, erreurs } = await lancer(format.viewport);
    t.after(() => navigateur.close());
    // The kiosk's preload, as Electron gives it: the confirmation must print by itself.
    await page.addInitScript(() => {
      window.__impressions = 0;
      window.borne = { print: () => { window.__impressions += 1; }, version: () => 'e2e' };
    });
    const telephone = numeroAleatoire();
    const suivant = () => page.getByTestId('bouton-suivant').click();

    await ouvrir(page);
    await page.getByRole('button', { name: /Souscrire un PASS/ }).click();

    await page.getByTestId('produit-KIMIA').click();
    await capture(page, '14-souscrire-produit');
    await suivant();

    await page.getByRole('button', { name: /^5\s000\sFCFA$/ }).click();
    await page.getByTestId('periodicite-trimestrielle').click();
    assert.match(espaces(await page.getByTestId('montant-echeance').innerText()), /Vous paierez 1 250 FCFA par trimestre/);
    await capture(page, '15-souscrire-montant');
    await suivant();

    await taper(page, 'MALONGA');
    await page.getByTestId('champ-prenom').click();
    await taper(page, 'GRACE');
    await page.getByTestId('champ-telephone').click();
    await taper(page, telephone);
    await capture(page, '16-souscrire-identite');
    await suivant();

    await page.getByRole('button', { name: /Ajouter un bénéficiaire/ }).click();
    await taper(page, 'MALONGA');
    await page.getByTestId('champ-benef-prenom').click();
    await taper(page, 'JOEL');
    await page.getByRole('radio', { name: 'Enfant' }).click();
    await page.getByRole('button', { name: 'Ajouter ce bénéficiaire' }).click();
    await capture(page, '17-souscrire-beneficiaires');
    // A second one typed but not added: « Continuer » adds it, never loses it.
    await page.getByRole('button', { name: /Ajouter un bénéficiaire/ }).click();
    await taper(page, 'MALONGA');
    await page.getByTestId('champ-benef-prenom').click();
    await taper(page, 'ESTHER');
    await page.getByRole('radio', { name: 'Enfant' }).click();
    await capture(page, '17b-souscrire-beneficiaire-en-cours');
    await suivant();
    assert.match(await page.locator('main').innerText(), /ESTHER MALONGA/);

    const bouton = page.getByTestId('bouton-souscrire');
    assert.equal(espaces(await bouton.innerText()), 'Souscrire et payer 1 250 FCFA');
    await capture(page, '18-souscrire-payeur');

    // Another number as payer: the API refuses before writing anything (the phone must be proven).
    await page.getByRole('button', { name: 'Payer avec un autre numéro' }).click();
    await effacerChamp(page, 'champ-payeur');
    await taper(page, numeroAleatoire());
    await bouton.click();
    const refus = page.getByRole('alert');
    await refus.getByText('Le téléphone du souscripteur doit être prouvé').waitFor();
    assert.match(await refus.innerText(), /code reçu sur ce téléphone/);
    await capture(page, '18b-souscrire-preuve-telephone');
    if (format.nom === 'portrait') {
      const avant = await codesRecus(`+242${telephone}`);
      await page.getByTestId('bouton-code-souscripteur').click();
      await page.getByText(/vient d'être envoyé par SMS ou WhatsApp/).waitFor();
      await capture(page, '18c-souscrire-code');
      await taper(page, await nouveauCode(`+242${telephone}`, avant));
      await page.getByTestId('valider-code').click();
    } else {
      await page.getByTestId('bouton-payeur-souscripteur').click();
      await bouton.click();
    }
    await page.getByText('Validez le paiement sur votre téléphone').waitFor();

    const confirmation = page.getByTestId('souscription-confirmee');
    await confirmation.waitFor({ timeout: DELAI_PAIEMENT_MS });
    assert.match(await page.getByTestId('numero-souscription').innerText(), /^PASS-KIMIA-\d{4}-[0-9A-Z]{10}$/);
    await capture(page, '19-souscription-confirmee');
    // What the API sends: the police number and the receipt (docs/sms-whatsapp.md).
    assert.match(await confirmation.innerText(), /Le numéro de police part aussi par SMS ou WhatsApp/);
    await page.waitForFunction(() => window.__impressions === 1);


    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' }).waitFor();
    assert.deepEqual(erreurs, []);
  });
}
