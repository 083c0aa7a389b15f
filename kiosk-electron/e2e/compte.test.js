'use strict';
/**
 * Jean Baptiste KONGO (CG-2024-VIE-001, 06 123 45 67): his account in few taps, a contrat, its
 * bénéficiaires, a sinistre, the statement, a network loss, a refused payment (portrait) and the
 * payment of his BATELA arrears from « Payer ma prime » (landscape); never anyone else's data.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const {
  FORMATS,
  lancer,
  ouvrir,
  capture,
  compteur,
  taper,
  seConnecter,
  espaces,
  codesRecus,
  nouveauCode,
  DELAI_PAIEMENT_MS,
} = require('./helpers');

const situation = async (page) => espaces(await page.getByTestId('situation').innerText());

for (const format of FORMATS) {
  test(`compte de Jean Baptiste KONGO (${format.nom})`, { timeout: 300_000 }, async (t) => {
    const { navigateur, page, erreurs } = await lancer(format.viewport);
    t.after(() => navigateur.close());

    await t.test('ce qu’il doit en 2 décisions après la saisie : « À régulariser » avec les arriérés', async () => {
      await ouvrir(page);
      const taps = compteur();
      await seConnecter(page, 'CG-2024-VIE-001', '061234567', /Consulter mon compte/, taps);
      await page.getByTestId('situation').waitFor();
      assert.ok(taps.n <= 4, `${taps.n} decisions`);
      assert.match(await situation(page), /À régulariser : [\d ]+ FCFA/);
      const batela = page.getByTestId('contrat-CG-2024-EPG-001');
      assert.match(espaces(await batela.innerText()), /En retard : [\d ]+ FCFA/);
      assert.ok(await batela.getByRole('button', { name: /^Régulariser/ }).isVisible());
      assert.ok(await page.getByTestId('contrat-CG-2024-VIE-001').getByRole('button', { name: /^Payer d'avance/ }).isVisible());
      assert.match(await page.locator('body').innerText(), /Jean Baptiste KONGO/);
      assert.ok(await page.getByRole('button', { name: /Terminer/ }).isVisible());
      await capture(page, '06-tableau-de-bord');
    });

    await t.test('jamais les données de Marie Claire MOUKOKO', async () => {
      const texte = await page.locator('body').innerText();
      assert.doesNotMatch(texte, /MOUKOKO/);
      assert.doesNotMatch(texte, /CG-2024-SAN-001/);
      assert.equal(await page.locator('[data-testid^="contrat-"]').count(), 2);
    });

    await t.test('détail d’un contrat : garanties avec pictogrammes, échéances en mots', async () => {
      await page.getByRole('button', { name: /Voir le détail PASS KIMIA CG-2024-VIE-001/ }).click();
      await page.getByRole('heading', { name: 'Garanties' }).waitFor();
      const texte = await page.locator('main').innerText();
      assert.match(texte, /Bénéficiaires/);
      assert.match(texte, /Marie/);
      assert.match(texte, /payée|en retard|à venir/);
      assert.ok(await page.getByTestId('declarer-sinistre').isVisible());
      await capture(page, '07-contrat');
    });

    // Each change needs the code proof of his telephone (one code per screen size: the live
    // stage raises the hourly limit of codes for this, see scripts/test.sh).
    await t.test('bénéficiaires : code reçu sur son téléphone, puis ajouter, changer, retirer', async () => {
      await page.getByTestId('gerer-beneficiaires').click();
      await page.getByRole('heading', { name: 'Mes bénéficiaires' }).waitFor();
      await capture(page, '07b-beneficiaires');
      await page.getByTestId('ajouter-beneficiaire').click();
      await taper(page, 'NGOMA');
      await page.getByTestId('champ-benef-prenom').click();
      await taper(page, 'LUC');
      await page.getByRole('radio', { name: 'Enfant' }).click();
      await capture(page, '07c-beneficiaire-ajout');
      const avant = await codesRecus('+242061234567');
      await page.getByTestId('enregistrer-beneficiaire').click();
      // The API asks for the proof: a code leaves for his telephone (the local WhatsApp / SMS centre).
      await page.getByText(/Un code à 6 chiffres vient d'être envoyé par SMS ou WhatsApp au \+242 06 123 45 67/).waitFor();
      assert.ok(await page.getByRole('button', { name: /Terminer/ }).isVisible());
      await capture(page, '07c2-preuve-code');
      // Both screen sizes: the keypad and "Valider le code" fit without scrolling.
      const valider = await page.getByTestId('valider-code').boundingBox();
      assert.ok(valider && valider.y + valider.height <= page.viewportSize().height, '« Valider le code » hors de l’écran');
      await taper(page, await nouveauCode('+242061234567', avant));
      await page.getByTestId('valider-code').click();
      await page.getByText('LUC NGOMA est ajouté(e).').waitFor();
      await page.getByRole('button', { name: 'Changer LUC NGOMA' }).click();
      await page.getByRole('radio', { name: 'Frère ou sœur' }).click();
      await page.getByTestId('enregistrer-beneficiaire').click();
      await page.getByText('LUC NGOMA est modifié(e).').waitFor();
      await page.locator('li', { hasText: 'LUC NGOMA' }).filter({ hasText: 'Frère ou sœur' }).waitFor();
      await page.getByRole('button', { name: 'Retirer LUC NGOMA' }).click();
      await capture(page, '07d-beneficiaire-retrait');
      await page.getByTestId('confirmer-retrait').click();
      await page.getByText('LUC NGOMA est retiré(e).').waitFor();
      await page.locator('li', { hasText: 'LUC NGOMA' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: /Mon contrat/ }).click();
    });

    await t.test('déclarer un sinistre : type couvert, date, cas courant, numéro imprimé', async () => {
      await page.getByTestId('declarer-sinistre').click();
      await page.getByTestId('type-accident').click();
      await capture(page, '07e-sinistre-type');
      await page.getByTestId('bouton-suivant').click();
      // The last day that can be chosen (today or the end of coverage) is enabled.
      const jours = page.locator('[data-testid^="jour-"]:not([disabled])');
      await jours.last().click();
      await capture(page, '07f-sinistre-date');
      await page.getByTestId('bouton-suivant').click();
      await page.getByRole('radio', { name: 'Accident de la route' }).click();
      await capture(page, '07g-sinistre-description');
      await page.getByTestId('bouton-suivant').click();
      await page.getByTestId('envoyer-sinistre').click();
      await page.getByTestId('sinistre-declare').waitFor();
      assert.match(await page.getByTestId('numero-sinistre').innerText(), /^\d+$/);
      await capture(page, '07h-sinistre-declare');
      await page.getByRole('button', { name: 'Retour à mon contrat' }).click();
      await page.getByRole('button', { name: /Mon compte/ }).click();
      await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    });

    await t.test('relevé : aperçu du PDF de tous ses contrats', async () => {
      await page.getByRole('button', { name: /Voir et imprimer mon relevé/ }).click();
      await page.getByTestId('releve-apercu').waitFor({ timeout: 30_000 });
      assert.match(await page.getByTestId('releve-apercu').getAttribute('src'), /^blob:/);
      assert.match(await page.locator('main').innerText(), /tous vos contrats/);
      await capture(page, '08-releve');
      await page.getByRole('button', { name: /Mon compte/ }).click();
      await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    });

    await t.test('réseau coupé pendant « Payer » : un problème de réseau, jamais « corriger », Terminer là', async () => {
      await page.getByRole('button', { name: /Payer d'avance PASS KIMIA/ }).click();
      const bouton = page.getByTestId('bouton-payer');
      await bouton.waitFor();
      assert.match(espaces(await bouton.innerText()), /^Payer [\d ]+ FCFA$/);
      await page.route('**/api/v1/contrats/*/paiements/', (route) => route.abort('internetdisconnected'));
      await bouton.click();
      const alerte = page.getByRole('alert');
      await alerte.waitFor();
      assert.match(await alerte.innerText(), /Problème de réseau/);
      assert.doesNotMatch(await alerte.innerText(), /corrig/i);
      assert.ok(await page.getByRole('button', { name: /Terminer/ }).isVisible());
      await capture(page, '09a-payer-reseau');
      await page.unroute('**/api/v1/contrats/*/paiements/');
      // The whole API gone: the calm screen, and « Terminer » still there while signed in.
      await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
      await page.getByRole('button', { name: /Mon compte/ }).click();
      await page.getByRole('heading', { name: 'Service momentanément indisponible' }).waitFor();
      assert.ok(await page.getByRole('button', { name: /Terminer/ }).isVisible());
      await capture(page, '09b-indisponible-connecte');
      await page.unroute('**/api/v1/**');
      await page.getByRole('heading', { name: 'Mon compte' }).waitFor({ timeout: 20_000 });
    });

    if (format.nom === 'portrait') {
      await t.test('paiement refusé par le payeur (numéro de test 46733123451) : motif en français', async () => {
        const avant = await situation(page);
        await page.getByRole('button', { name: /Régulariser PASS BATELA/ }).click();
        await page.getByTestId('bouton-payer').waitFor();
        assert.equal(await page.getByTestId('option-arrieres').getAttribute('aria-checked'), 'true');
        await capture(page, '09-payer');
        await page.getByRole('button', { name: 'Payer avec un autre numéro' }).click();
        await page.getByRole('button', { name: 'Numéro de test' }).click();
        await taper(page, '46733123451');
        await page.getByTestId('bouton-payer').click();
        await page.getByText('Validez le paiement sur votre téléphone').waitFor();
        await capture(page, '10-paiement-attente');
        const echec = page.getByTestId('paiement-echec');
        await echec.waitFor({ timeout: DELAI_PAIEMENT_MS });
        assert.match(await echec.innerText(), /Le paiement n'a pas abouti/);
        await capture(page, '11-paiement-refuse');
        await echec.getByRole('button', { name: /Retour à mon compte/ }).click();
        await page.getByTestId('situation').waitFor();
        assert.equal(await situation(page), avant);
      });

      await t.test("un numéro qu'aucun opérateur ne prend est signalé pendant la saisie, pas après « Payer »", async () => {
        await page.getByRole('button', { name: /Régulariser PASS BATELA/ }).click();
        await page.getByRole('button', { name: 'Payer avec un autre numéro' }).click();
        await page.getByRole('button', { name: 'Numéro du Congo' }).click();
        await taper(page, '07');
        assert.match(await page.getByTestId('controle-payeur').innerText(), /Un numéro MTN commence par 06, un numéro Airtel par 05 ou 04/);
        assert.ok(await page.getByTestId('bouton-payer').isDisabled());
        await capture(page, '09c-payeur-inconnu');
        await page.getByRole('button', { name: /Mon compte/ }).click();
      });
    } else {
      await t.test('« Payer ma prime » : droit aux arriérés BATELA, payés en 5 décisions au plus', async () => {
        await page.getByRole('button', { name: /Terminer/ }).click();
        await ouvrir(page);
        const taps = compteur();
        await seConnecter(page, 'CG-2024-VIE-001', '061234567', /Payer ma prime/, taps);
        const bouton = page.getByTestId('bouton-payer');
        await bouton.waitFor();
        assert.match(await page.locator('main').innerText(), /PASS BATELA/);
        assert.equal(await page.getByTestId('option-arrieres').getAttribute('aria-checked'), 'true');
        const montant = espaces(await page.getByTestId('option-arrieres').locator('.option__montant').innerText());
        assert.equal(espaces(await bouton.innerText()), `Payer ${montant}`);
        await capture(page, '09-payer');
        // A double tap must start one payment only (one decision).
        taps.n += 1;
        await bouton.dblclick();
        assert.ok(taps.n <= 5, `${taps.n} decisions`);
        const succes = page.getByTestId('paiement-succes');
        await succes.waitFor({ timeout: DELAI_PAIEMENT_MS });
        assert.match(espaces(await succes.innerText()), new RegExp(`Paiement réussi[\\s\\S]*${montant}`));
        await capture(page, '12-paiement-reussi');
        await page.getByRole('button', { name: 'Retour à mon compte' }).click();
        await page.getByTestId('situation').waitFor();
        assert.match(await situation(page), /^✓?\s*À jour/);
        assert.doesNotMatch(await page.getByTestId('contrat-CG-2024-EPG-001').innerText(), /En retard/);
        await capture(page, '13-tableau-apres-paiement');
      });
    }

    await t.test('Terminer efface tout et revient à l’accueil', async () => {
      await page.getByRole('button', { name: /Terminer/ }).click();
      await page.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' }).waitFor();
      assert.doesNotMatch(await page.locator('body').innerText(), /KONGO/);
      const stockage = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
      assert.deepEqual(stockage, [0, 0, '']);
    });

    assert.deepEqual(erreurs, []);
  });
}
