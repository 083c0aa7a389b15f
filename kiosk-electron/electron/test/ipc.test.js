'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { enregistrerIpc } = require('../ipc');
const { EventEmitter } = require('node:events');
const { imprimer, imprimerPdf, optionsImpression, argumentsLp } = require('../print');
const { FauxContenus, faussesEntrees } = require('./fakes');

function installer() {
  const ipcMain = faussesEntrees();
  const imprimes = [];
  enregistrerIpc({
    ipcMain,
    appOrigin: 'app://borne',
    imprimer: async (c) => imprimes.push(c) && true,
    imprimerPdf: async (pdf) => imprimes.push({ pdf }) && true,
    version: '1.2.3',
  });
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

test('borne:print with a PDF prints that document', async () => {
  const { canaux, imprimes } = installer();
  const pdf = new TextEncoder().encode('%PDF-1.4 …').buffer;
  await canaux['borne:print']({ sender: {}, senderFrame: { url: 'app://borne/borne/' } }, pdf);
  assert.deepEqual(imprimes, [{ pdf }]);
});

function fauxLp(code = 0) {
  const appels = [];
  const lancer = (commande, args) => {
    const p = new EventEmitter();
    p.stderr = new EventEmitter();
    p.stdin = { end: (octets) => { appels.push({ commande, args, octets }); setImmediate(() => p.emit('close', code)); } };
    return p;
  };
  return { appels, lancer };
}

test('a PDF goes to CUPS (lp) through stdin, to the configured printer', async () => {
  const lp = fauxLp();
  const pdf = new TextEncoder().encode('%PDF-1.7\n…');
  assert.equal(await imprimerPdf(pdf, { printerName: 'EPSON_TM', lancer: lp.lancer }), true);
  assert.equal(lp.appels[0].commande, 'lp');
  assert.deepEqual(lp.appels[0].args.slice(0, 2), ['-d', 'EPSON_TM']);
  assert.equal(lp.appels[0].octets.subarray(0, 5).toString(), '%PDF-');
  assert.deepEqual(argumentsLp(undefined).slice(0, 1), ['-t']);
});

test('anything but a PDF is refused, and a failing lp is reported', async () => {
  const lp = fauxLp();
  await assert.rejects(imprimerPdf('%PDF-', { lancer: lp.lancer }), /PDF/);
  await assert.rejects(imprimerPdf(new TextEncoder().encode('<html>'), { lancer: lp.lancer }), /PDF/);
  assert.equal(lp.appels.length, 0);
  await assert.rejects(imprimerPdf(new TextEncoder().encode('%PDF-1.4'), { lancer: fauxLp(1).lancer }), /impossible/);
});
