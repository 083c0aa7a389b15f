'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { gestionnaire } = require('../protocol');
const { politiqueContenu } = require('../../commun/politique-contenu');

const DIST = '/app/dist';
const fichiers = {
  // As the Vite build writes it (vite.config.ts): the policy without the API origin.
  [path.join(DIST, 'index.html')]: `<meta http-equiv="Content-Security-Policy" content="${politiqueContenu()}" />`,
  [path.join(DIST, 'assets/app.js')]: 'console.log(1)',
};
const lire = async (f) => {
  if (!(f in fichiers)) throw new Error('ENOENT');
  return Buffer.from(fichiers[f]);
};
const servir = gestionnaire({ dist: DIST, configPage: { apiBaseUrl: 'https://pass.nsia.cg', agence: 'A' }, apiOrigin: 'https://pass.nsia.cg', lire });
const get = (url) => servir(new Request(url));

test('serves the bundle under /borne/ with a CSP allowing only the API origin', async () => {
  const r = await get('app://borne/borne/');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/html/);
  const csp = politiqueContenu('https://pass.nsia.cg');
  assert.match(csp, /connect-src 'self' https:\/\/pass\.nsia\.cg(;|$)/);
  // The header and the page's meta say the same policy, the API origin added to both.
  assert.equal(r.headers.get('content-security-policy'), csp);
  assert.equal(await r.text(), `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
  const js = await get('app://borne/borne/assets/app.js');
  assert.match(js.headers.get('content-type'), /javascript/);
});

test('config.json comes from the shell config', async () => {
  const r = await get('app://borne/borne/config.json');
  assert.deepEqual(await r.json(), { apiBaseUrl: 'https://pass.nsia.cg', agence: 'A' });
});

test('nothing outside dist, nothing but GET, nothing for other hosts', async () => {
  assert.equal((await get('app://borne/borne/..%2F..%2Fetc%2Fpasswd')).status, 403);
  assert.equal((await get('app://borne/borne/absent.js')).status, 404);
  assert.equal((await get('app://borne/autre')).status, 404);
  assert.equal((await get('app://autre/borne/')).status, 403);
  assert.equal((await servir(new Request('app://borne/borne/', { method: 'POST', body: 'x' }))).status, 403);
});
