'use strict';
/**
 * Jean Baptiste KONGO (CG-2024-VIE-001, 06 123 45 67): his account, a contrat, the statement,
 * a refused payment and a successful one on his BATELA arrears; never anyone else's data.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { lancer, ouvrir, capture, taper, seConnecter, espaces, DELAI_PAIEMENT_MS } = require('./helpers');

async function ouvrirPaiementBatela(page) {
  await page.getByRole('button', { name: /Payer PASS BATELA CG-2024-EPG-001/ }).click();
  await page.getByTestId('bouton-payer').waitFor();
}

test('compte de Jean Baptiste KONGO', { timeout: 600_000 }, async (t) => {
  const { navigateur, page, erreurs } = await lancer();
  t.after(() => navigateur.close());
  let soldeAvant = '';

  await t.test('connexion puis tableau de bord : ses deux contrats et un solde en retard', async () => {
    await ouvrir(page);
    await seConnecter(page, 'CG-2024-VIE-001', '061234567');
    await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    await page.getByTestId('contrat-CG-2024-VIE-001').waitFor();
    const kimia = page.getByTestId('contrat-CG-2024-VIE-001');
    const batela = page.getByTestId('contrat-CG-2024-EPG-001');
    assert.match(await kimia.innerText(), /PASS KIMIA/);
    assert.match(await batela.innerText(), /PASS BATELA/);
    assert.match(await batela.innerText(), /En retard de/);
    const resume = page.getByRole('region', { name: 'Solde global' });
    soldeAvant = espaces(await resume.getByTestId('solde').innerText());
    assert.match(soldeAvant, /En retard de [\d ]+ FCFA/);
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

  await t.test('détail d’un contrat : garanties, bénéficiaires, échéances en mots', async () => {
    await page.getByRole('button', { name: /Détail PASS KIMIA CG-2024-VIE-001/ }).click();
    await page.getByRole('heading', { name: 'Garanties' }).waitFor();
    const texte = await page.locator('main').innerText();
    assert.match(texte, /Bénéficiaires/);
    assert.match(texte, /Marie/);
    assert.match(texte, /payée|en retard|à venir/);
    await capture(page, '07-contrat');
    await page.getByRole('button', { name: /Mon compte/ }).click();
    await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
  });

  await t.test('relevé : aperçu du PDF', async () => {
    await page.getByRole('button', { name: /Voir et imprimer mon relevé/ }).click();
    await page.getByTestId('releve-apercu').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('releve-apercu').getAttribute('src'), /^blob:/);
    assert.ok(await page.getByRole('button', { name: /Imprimer mon relevé/ }).isVisible());
    await capture(page, '08-releve');
    await page.getByRole('button', { name: /Mon compte/ }).click();
    await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
  });

  await t.test('paiement refusé par le payeur (numéro de test 46733123451) : motif en français', async () => {
    await ouvrirPaiementBatela(page);
    assert.equal(await page.getByTestId('option-arrieres').getAttribute('aria-checked'), 'true');
    await capture(page, '09-payer');
    await page.getByRole('button', { name: 'Numéro de test' }).click();
    await taper(page, '46733123451');
    await page.getByTestId('bouton-payer').click();
    await page.getByText('Validez le paiement sur votre téléphone').waitFor();
    await capture(page, '10-paiement-attente');
    const echec = page.getByTestId('paiement-echec');
    await echec.waitFor({ timeout: DELAI_PAIEMENT_MS });
    const texte = await echec.innerText();
    assert.match(texte, /Le paiement n'a pas abouti/);
    assert.match(texte, /[a-zéèàç]{3,}/i);
    await capture(page, '11-paiement-refuse');
    await echec.getByRole('button', { name: /Retour à mon compte/ }).click();
    await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    assert.equal(espaces(await page.getByRole('region', { name: 'Solde global' }).getByTestId('solde').innerText()), soldeAvant);
  });

  await t.test('paiement des arriérés BATELA avec son propre numéro : succès et solde mis à jour', async () => {
    await ouvrirPaiementBatela(page);
    const bouton = page.getByTestId('bouton-payer');
    const montant = espaces(await page.getByTestId('option-arrieres').locator('.option__montant').innerText());
    assert.equal(espaces(await bouton.innerText()), `Payer ${montant}`);
    // A double tap must start one payment only.
    await bouton.dblclick();
    const succes = page.getByTestId('paiement-succes');
    await succes.waitFor({ timeout: DELAI_PAIEMENT_MS });
    assert.match(espaces(await succes.innerText()), new RegExp(`Paiement réussi[\\s\\S]*${montant}`));
    await capture(page, '12-paiement-reussi');
    await page.getByRole('button', { name: 'Retour à mon compte' }).click();
    await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
    await page.getByTestId('contrat-CG-2024-EPG-001').waitFor();
    const soldeApres = espaces(await page.getByRole('region', { name: 'Solde global' }).getByTestId('solde').innerText());
    assert.notEqual(soldeApres, soldeAvant);
    assert.doesNotMatch(await page.getByTestId('contrat-CG-2024-EPG-001').innerText(), /En retard de/);
    await capture(page, '13-tableau-apres-paiement');
  });

  await t.test('Terminer efface tout et revient à l’accueil', async () => {
    await page.getByRole('button', { name: /Terminer/ }).click();
    await page.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' }).waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /KONGO/);
    const stockage = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
    assert.deepEqual(stockage, [0, 0, '']);
  });

  assert.deepEqual(erreurs, []);
});
