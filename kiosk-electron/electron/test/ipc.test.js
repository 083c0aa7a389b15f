'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { enregistrerIpc } = require('../ipc');
const { imprimer, optionsImpression } = require('../print');
const { FauxContenus, faussesEntrees } = require('./fakes');

function installer() {
  const ipcMain = faussesEntrees();
  const imprimes = [];
  enregistrerIpc({ ipcMain, appOrigin: 'app://borne', imprimer: async (c) => imprimes.push(c) && true, version: '1.2.3' });
  return { canaux: ipcMain.canaux, imprimes };
}

test('exactly two channels: borne:print and borne:version', () => {
  assert.deepEqual(Object.keys(installer().canaux).sort(), ['borne:print', 'borne:version']);
});

test('prints for the app page', async () => {
  const { canaux, imprimes } = installer();
  const sender = new FauxContenus();
  assert.equal(await canaux['borne:print']({ sender, senderFrame: { url: 'app://borne/borne/' } }), true);
  assert.deepEqual(imprimes, [sender]);
  assert.equal(await canaux['borne:version']({ senderFrame: { url: 'app://borne/borne/' } }), '1.2.3');
});

test('refuses any other sender frame', async () => {
  const { canaux, imprimes } = installer();
  for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'app://borne.evil/' }, null]) {
    await assert.rejects(async () => canaux['borne:print']({ sender: {}, senderFrame }), /refusé/);
    assert.throws(() => canaux['borne:version']({ senderFrame }), /refusé/);
  }
  assert.equal(imprimes.length, 0);
});

test('prints silently to the configured printer', async () => {
  const contenus = new FauxContenus();
  assert.equal(await imprimer(contenus, { printerName: 'EPSON_TM' }), true);
  assert.equal(contenus.impressions[0].silent, true);
  assert.equal(contenus.impressions[0].deviceName, 'EPSON_TM');
  assert.equal(optionsImpression(undefined).deviceName, undefined);
  contenus.impressionReussie = false;
  await assert.rejects(imprimer(contenus, {}), /no printer/);
});
