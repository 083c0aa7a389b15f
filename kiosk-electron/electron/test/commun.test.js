'use strict';
/**
 * One rule in one place: the page's security policy and the config's rules are written once in
 * commun/, and the shell (electron/), the Vite build (vite.config.ts) and the page (src/) use them.
 * The behaviour is tested beside each user (protocol.test.js, config.test.js, src/lib/*.test.ts);
 * this file fails if a second copy of either rule comes back.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const commun = require('../../commun/config-borne');
const { politiqueContenu } = require('../../commun/politique-contenu');
const configCoque = require('../config');

const RACINE = path.join(__dirname, '..', '..');

function sources(dossier) {
  return fs.readdirSync(path.join(RACINE, dossier), { recursive: true })
    .filter((f) => /\.(js|ts|tsx)$/.test(f) && !/\.test\.|[/\\]test[/\\]|^test[/\\]/.test(f))
    .map((f) => path.join(dossier, f));
}

const CODE = [...sources('electron'), ...sources('src'), 'vite.config.ts'];

test('the CSP directives are written in commun/politique-contenu.json only (the API reads it too)', () => {
  const copies = CODE.filter((f) => /(default|script|connect)-src/.test(fs.readFileSync(path.join(RACINE, f), 'utf8')));
  assert.deepEqual(copies, []);
  for (const utilisateur of ['vite.config.ts', 'electron/protocol.js']) {
    assert.match(fs.readFileSync(path.join(RACINE, utilisateur), 'utf8'), /commun\/politique-contenu/, utilisateur);
  }
  assert.match(politiqueContenu(), /connect-src 'self'(;|$)/);
  assert.match(politiqueContenu('https://pass.nsia.cg'), /connect-src 'self' https:\/\/pass\.nsia\.cg(;|$)/);
});

test('the config rules are written in commun/config-borne.js only, used by the shell and the page', () => {
  // A message of the validator anywhere else would be a second validator.
  const copies = CODE.filter((f) => /doit être (un texte|une adresse|en https)|est obligatoire`/.test(fs.readFileSync(path.join(RACINE, f), 'utf8')));
  assert.deepEqual(copies, []);
  assert.equal(configCoque.ErreurConfig, commun.ErreurConfig);
  assert.match(fs.readFileSync(path.join(RACINE, 'src/lib/config.ts'), 'utf8'), /from '\.\.\/\.\.\/commun\/config-borne\.js'/);
});

test('the shell requires what the page may leave out; both refuse the same bad values', () => {
  const page = { agence: 'Agence' };
  assert.equal(commun.validerConfig(page).apiBaseUrl, '');
  assert.throws(() => commun.validerConfig(page, { coque: true }), /apiBaseUrl est obligatoire/);
  const complet = { ...page, apiBaseUrl: 'https://pass.nsia.cg/', borneId: 'B', borneKey: 'k' };
  assert.deepEqual(commun.validerConfig(complet, { coque: true }), commun.validerConfig(complet));
  for (const mauvais of [{ apiBaseUrl: 'http://10.0.0.5' }, { inactivitySeconds: 0 }, { sandbox: 'oui' }, { agence: ' ' }, { borneKey: 'k', borneId: '' }]) {
    const c = { ...complet, ...mauvais };
    assert.throws(() => commun.validerConfig(c), commun.ErreurConfig, JSON.stringify(mauvais));
    assert.throws(() => commun.validerConfig(c, { coque: true }), commun.ErreurConfig, JSON.stringify(mauvais));
  }
});
