'use strict';
/** The network drops: a calm "Service momentanément indisponible" screen that comes back by itself. */
const test = require('node:test');
const assert = require('node:assert/strict');
const { lancer, ouvrir, capture } = require('./helpers');

test('perte du réseau puis reprise automatique', { timeout: 90_000 }, async (t) => {
  const { navigateur, page, erreurs } = await lancer();
  t.after(() => navigateur.close());

  await ouvrir(page);
  // Every API call fails as if the cable were pulled.
  await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: /Découvrir nos produits/ }).click();
  await page.getByRole('heading', { name: 'Service momentanément indisponible' }).waitFor();
  assert.match(await page.locator('body').innerText(), /la borne reprendra toute seule/);
  await capture(page, '21-service-indisponible');

  await page.unroute('**/api/v1/**');
  await page.getByRole('heading', { name: 'Nos produits PASS' }).waitFor({ timeout: 20_000 });
  await page.getByRole('heading', { name: 'PASS KIMIA' }).waitFor();
  assert.deepEqual(erreurs, []);
});
