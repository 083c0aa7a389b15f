'use strict';
/** Nobody touches the screen: "Êtes-vous toujours là ?", then back to Accueil with nothing left. */
const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, lancer, ouvrir, capture, seConnecter } = require('./helpers');

test('inactivité', { timeout: 120_000 }, async (t) => {
  const { navigateur, page, erreurs } = await lancer();
  t.after(() => navigateur.close());

  await ouvrir(page, `${BASE_URL}/borne/?inactivite=5&compte_a_rebours=3`);
  await seConnecter(page, 'CG-2024-VIE-001', '061234567');
  await page.getByRole('heading', { name: 'Mon compte' }).waitFor();
  await page.getByTestId('contrat-CG-2024-VIE-001').waitFor();

  // ?inactivite=5&compte_a_rebours=3: the question after 5 s, the sign-out 3 s later.
  const question = page.getByRole('alertdialog', { name: 'Êtes-vous toujours là ?' });
  await question.waitFor({ timeout: 10_000 });
  await capture(page, '20-inactivite');
  await page.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' }).waitFor({ timeout: 10_000 });
  assert.equal(await question.count(), 0);
  const texte = await page.locator('body').innerText();
  assert.doesNotMatch(texte, /KONGO|CG-2024-VIE-001|Mon compte/);
  assert.equal(await page.getByRole('button', { name: /Terminer/ }).count(), 0);

  // The session is really gone: the account asks for the numbers again.
  await page.getByRole('button', { name: /Consulter mon compte/ }).click();
  await page.getByRole('heading', { name: 'Identifiez-vous' }).waitFor();
  assert.equal(await page.getByTestId('champ-police').innerText().then((s) => s.replace(/\s/g, '')), 'CG-');
  assert.deepEqual(erreurs, []);
});
