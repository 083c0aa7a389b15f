'use strict';
/** Sign-in refusals: a wrong pair, then the lockout after too many attempts on one police. */
const test = require('node:test');
const assert = require('node:assert/strict');
const { lancer, ouvrir, capture, taper, seConnecter, espaces } = require('./helpers');

test('connexion : refus et blocage', { timeout: 180_000 }, async (t) => {
  const { navigateur, page, erreurs } = await lancer();
  t.after(() => navigateur.close());

  await t.test('accueil et nos produits', async () => {
    await ouvrir(page);
    await capture(page, '01-accueil');
    for (const nom of [/Consulter mon compte/, /Payer ma prime/, /Souscrire un PASS/, /Découvrir nos produits/]) {
      assert.ok(await page.getByRole('button', { name: nom }).isVisible());
    }
    await page.getByRole('button', { name: /Découvrir nos produits/ }).click();
    for (const nom of ['PASS KIMIA', 'PASS BATELA', 'PASS SALISA']) {
      await page.getByRole('heading', { name: nom }).waitFor();
    }
    await capture(page, '02-produits');
    await page.getByRole('button', { name: /Accueil/ }).click();
  });

  await t.test('un mauvais couple police / téléphone est refusé en clair', async () => {
    await ouvrir(page);
    await page.getByRole('button', { name: /Consulter mon compte/ }).click();
    await taper(page, '2024-VIE-001');
    await page.getByTestId('champ-telephone').click();
    await taper(page, '06123');
    await capture(page, '03-connexion');
    await taper(page, '4500');
    await page.getByRole('button', { name: 'Valider' }).click();
    const alerte = page.getByRole('alert');
    await alerte.waitFor();
    assert.match(await alerte.innerText(), /Numéro de police ou téléphone incorrect/);
    await capture(page, '04-connexion-refus');
  });

  await t.test('trop de tentatives sur une police : message de blocage avec l’attente', async () => {
    // An unknown but well-formed police: blocking it disturbs no other scenario.
    await ouvrir(page);
    await seConnecter(page, 'CG-2024-VIE-999', '061111111');
    let texte = '';
    for (let essai = 1; essai <= 7; essai++) {
      const alerte = page.getByRole('alert');
      await alerte.waitFor();
      await page.waitForFunction(() => !document.querySelector('.roue'));
      texte = espaces(await alerte.innerText());
      if (/Trop de tentatives/.test(texte)) break;
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.waitForTimeout(300);
    }
    assert.match(texte, /Trop de tentatives/);
    assert.match(texte, /Vous pourrez réessayer dans \d+ (min|s)/);
    assert.ok(await page.getByRole('button', { name: 'Valider' }).isDisabled());
    await capture(page, '05-connexion-blocage');
  });

  assert.deepEqual(erreurs, []);
});
