'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { demarrerPouls } = require('../heartbeat');

test('sends a heartbeat with the borne headers at start, then regularly', async () => {
  const appels = [];
  let planifie;
  const { premier } = demarrerPouls({
    fetchFn: async (url, init) => (appels.push({ url, init }), { ok: true, status: 200 }),
    apiOrigin: 'https://pass.nsia.cg',
    borneId: 'BZV-01',
    borneKey: 'secret',
    version: '1.0.0',
    planifier: (f, ms) => (planifie = { f, ms }),
    journal: { warn() {} },
  });
  assert.equal(await premier, true);
  assert.equal(appels[0].url, 'https://pass.nsia.cg/api/v1/borne/heartbeat/');
  assert.equal(appels[0].init.method, 'POST');
  assert.deepEqual(JSON.parse(appels[0].init.body), { version: '1.0.0', statut: 'ok' });
  assert.equal(appels[0].init.headers['X-Borne-Key'], 'secret');
  assert.equal(planifie.ms, 300000);
});

test('a network failure is logged, never thrown', async () => {
  const messages = [];
  const { premier } = demarrerPouls({
    fetchFn: async () => { throw new Error('ECONNREFUSED'); },
    apiOrigin: 'https://pass.nsia.cg',
    borneId: 'B',
    borneKey: 'K',
    version: '1',
    planifier: () => null,
    journal: { warn: (m) => messages.push(m) },
  });
  assert.equal(await premier, false);
  assert.match(messages[0], /ECONNREFUSED/);
});
