'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { demarrer } = require('../main');
const { fauxBrowserWindow, fausseSession, faussesEntrees } = require('./fakes');

function fauxElectron() {
  const app = new EventEmitter();
  Object.assign(app, {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    quit() {},
    whenReady: () => Promise.resolve(),
    getVersion: () => '1.0.0',
  });
  const e = {
    app,
    BrowserWindow: fauxBrowserWindow(),
    Menu: { setApplicationMenu(m) { e.menu = m; } },
    ipcMain: faussesEntrees(),
    protocol: {
      registerSchemesAsPrivileged(s) { e.privileges = s; },
      handle(schema, f) { e.schema = schema; e.servir = f; },
    },
    session: {
      defaultSession: fausseSession(),
      partitions: {},
      fromPartition(nom) {
        return (e.session.partitions[nom] ??= fausseSession());
      },
    },
    powerSaveBlocker: { start(t) { e.eveil = t; return 1; } },
    net: { fetch: async (url, init) => { e.pouls.push({ url, init }); return { ok: true, status: 200 }; } },
    pouls: [],
  };
  return e;
}

test('wires config, protocol, security, window, IPC and keeps the screen awake', async () => {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'borne-'));
  const fichier = path.join(dossier, 'config.json');
  fs.writeFileSync(fichier, JSON.stringify({ apiBaseUrl: 'http://127.0.0.1:8000', borneId: 'BZV-DEMO-01', borneKey: 'k', agence: 'Agence' }));
  const e = fauxElectron();
  const fenetre = await demarrer(e, { env: { NSIA_BORNE_CONFIG: fichier }, journal: { error() {}, warn() {} } });
  assert.equal(e.eveil, 'prevent-display-sleep');
  assert.equal(e.privileges[0].scheme, 'app');
  assert.equal(e.privileges[0].privileges.secure, true);
  assert.equal(e.schema, 'app');
  assert.equal(e.menu, null);
  assert.deepEqual(Object.keys(e.ipcMain.canaux).sort(), ['borne:print', 'borne:version']);
  // Everything on the window's in-memory partition, nothing on the default (on-disk) session.
  const ses = e.session.partitions[fenetre.options.webPreferences.partition];
  assert.ok(!fenetre.options.webPreferences.partition.startsWith('persist:'));
  assert.equal(typeof ses.permissionRequest, 'function');
  assert.deepEqual(ses.webRequest.filtre, { urls: ['http://127.0.0.1:8000/*'] });
  assert.equal(e.session.defaultSession.permissionRequest, null);
  assert.equal(fenetre.options.kiosk, true);
  assert.equal(fenetre.options.webPreferences.devTools, false);
  assert.match(fenetre.options.webPreferences.preload, /electron[\\/]preload\.js$/);
  assert.deepEqual(fenetre.webContents.urls, ['app://borne/borne/']);
  assert.ok(e.app.listenerCount('web-contents-created') > 0);
  assert.equal(e.pouls[0].url, 'http://127.0.0.1:8000/api/v1/borne/heartbeat/');
  assert.equal(e.pouls[0].init.headers['X-Borne-Id'], 'BZV-DEMO-01');
  assert.equal(JSON.parse(e.pouls[0].init.body).statut, 'ok');
});

test('the heartbeat tells the truth: a capped reload loop is reported « hors_service » at once', async () => {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'borne-'));
  const fichier = path.join(dossier, 'config.json');
  fs.writeFileSync(fichier, JSON.stringify({ apiBaseUrl: 'http://127.0.0.1:8000', borneId: 'BZV-DEMO-01', borneKey: 'k', agence: 'Agence' }));
  const e = fauxElectron();
  const fenetre = await demarrer(e, { env: { NSIA_BORNE_CONFIG: fichier }, journal: { error() {}, warn() {} } });
  for (let i = 0; i < 10; i++) fenetre.webContents.emit('render-process-gone', { preventDefault() {} }, { reason: 'crashed' });
  await new Promise((r) => setImmediate(r));
  assert.equal(JSON.parse(e.pouls.at(-1).init.body).statut, 'hors_service');
});

test('a missing config shows a maintenance page, never the app', async () => {
  const e = fauxElectron();
  const fenetre = await demarrer(e, { env: { NSIA_BORNE_CONFIG: '/nonexistent/config.json' }, journal: { error() {}, warn() {} } });
  assert.match(fenetre.webContents.urls[0], /^data:text\/html/);
  assert.match(decodeURIComponent(fenetre.webContents.urls[0]), /Borne en maintenance/);
  assert.equal(e.schema, undefined);
});
