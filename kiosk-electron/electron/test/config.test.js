'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { lireConfig, configPourLaPage, ErreurConfig, CHEMIN_PAR_DEFAUT } = require('../config');

const valide = { apiBaseUrl: 'https://pass.nsia.cg/', borneId: 'BZV-01', borneKey: 'secret', agence: 'Agence Centre', printerName: 'EPSON' };
const lire = (objet) => () => JSON.stringify(objet);

test('reads the file named by NSIA_BORNE_CONFIG, else /etc/nsia-pass-borne/config.json', () => {
  const chemins = [];
  const lecteur = (p) => (chemins.push(p), JSON.stringify(valide));
  lireConfig({ env: { NSIA_BORNE_CONFIG: '/srv/borne.json' }, lire: lecteur });
  lireConfig({ env: {}, lire: lecteur });
  assert.deepEqual(chemins, ['/srv/borne.json', CHEMIN_PAR_DEFAUT]);
});

test('validates and normalises', () => {
  const c = lireConfig({ env: {}, lire: lire(valide) });
  assert.equal(c.apiOrigin, 'https://pass.nsia.cg');
  assert.equal(c.printerName, 'EPSON');
  assert.equal(c.inactivitySeconds, 270);
  assert.equal(c.sandbox, false);
});

test('refuses a missing file, bad JSON and missing or wrong keys', () => {
  assert.throws(() => lireConfig({ env: {}, lire: () => { throw new Error('ENOENT'); } }), ErreurConfig);
  assert.throws(() => lireConfig({ env: {}, lire: () => '{' }), ErreurConfig);
  for (const mauvais of [
    { ...valide, apiBaseUrl: 'ftp://x' },
    // Plain http only for this machine: elsewhere the kiosk would show « indisponible » forever.
    { ...valide, apiBaseUrl: 'http://pass.nsia.cg' },
    { ...valide, apiBaseUrl: 'http://10.0.0.5:8000' },
    { ...valide, apiBaseUrl: undefined },
    { ...valide, borneKey: '' },
    { ...valide, agence: 3 },
    { ...valide, inactivitySeconds: -5 },
    { ...valide, sandbox: 'yes' },
  ]) {
    assert.throws(() => lireConfig({ env: {}, lire: lire(mauvais) }), ErreurConfig, JSON.stringify(mauvais));
  }
});

test('plain http is accepted for localhost only', () => {
  for (const local of ['http://127.0.0.1:8000', 'http://localhost:8000', 'http://[::1]:8000']) {
    assert.equal(lireConfig({ env: {}, lire: lire({ ...valide, apiBaseUrl: local }) }).apiBaseUrl, local);
  }
});

test('the page never receives the borne key', () => {
  const page = configPourLaPage(lireConfig({ env: {}, lire: lire(valide) }));
  assert.equal(page.borneKey, undefined);
  assert.equal(page.borneId, undefined);
  assert.equal(page.apiBaseUrl, 'https://pass.nsia.cg');
  assert.doesNotMatch(JSON.stringify(page), /secret/);
});
