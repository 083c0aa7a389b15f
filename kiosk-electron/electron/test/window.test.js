'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { optionsFenetre, creerFenetre } = require('../window');
const { fauxBrowserWindow, evenement } = require('./fakes');

function creer(isPackaged = true) {
  const BrowserWindow = fauxBrowserWindow();
  const menus = [];
  const planifies = [];
  const etats = [];
  const fenetre = creerFenetre({
    BrowserWindow,
    Menu: { setApplicationMenu: (m) => menus.push(m) },
    isPackaged,
    preload: '/app/electron/preload.js',
    url: 'app://borne/borne/',
    journal: { warn() {} },
    planifier: (f) => planifies.push(f),
    signalerEtat: (e) => etats.push(e),
  });
  return { fenetre, menus, planifies, etats };
}

test('a full-screen kiosk window without menu', () => {
  const { fenetre, menus } = creer();
  const o = fenetre.options;
  assert.equal(o.kiosk, true);
  assert.equal(o.fullscreen, true);
  assert.equal(o.autoHideMenuBar, true);
  assert.deepEqual(menus, [null]);
  assert.deepEqual(fenetre.webContents.urls, ['app://borne/borne/']);
});

test('locked-down web preferences, devtools only when not packaged', () => {
  const w = optionsFenetre({ isPackaged: true, preload: '/p.js' }).webPreferences;
  assert.equal(w.contextIsolation, true);
  assert.equal(w.sandbox, true);
  assert.equal(w.nodeIntegration, false);
  assert.equal(w.webSecurity, true);
  assert.equal(w.webviewTag, false);
  assert.equal(w.plugins, true, 'PDF viewer for the statement preview');
  assert.equal(w.devTools, false);
  assert.equal(w.preload, '/p.js');
  assert.equal(optionsFenetre({ isPackaged: false, preload: '/p.js' }).webPreferences.devTools, true);
});

test('reloads the app after a renderer crash or a hang', () => {
  const { fenetre, planifies } = creer();
  fenetre.webContents.emit('render-process-gone', evenement(), { reason: 'crashed' });
  fenetre.emit('unresponsive');
  assert.equal(planifies.length, 2);
  planifies.forEach((f) => f());
  assert.deepEqual(fenetre.webContents.urls, ['app://borne/borne/', 'app://borne/borne/', 'app://borne/borne/']);
});

test('a hung renderer is killed before the reload (a reload alone would wait on it)', () => {
  const { fenetre } = creer();
  fenetre.emit('unresponsive');
  assert.equal(fenetre.webContents.tue, 1);
});

test('no profile on disk: the window uses an in-memory session partition', () => {
  const w = optionsFenetre({ isPackaged: true, preload: '/p.js' }).webPreferences;
  assert.match(w.partition, /^(?!persist:)borne/);
});

test('reload loops are capped: then a calm out-of-order page and the state says so', () => {
  const { fenetre, planifies, etats } = creer();
  for (let i = 0; i < 10; i++) {
    fenetre.webContents.emit('render-process-gone', evenement(), { reason: 'crashed' });
    planifies.splice(0).forEach((f) => f());
  }
  const rechargements = fenetre.webContents.urls.filter((u) => u === 'app://borne/borne/').length - 1;
  assert.ok(rechargements <= 5, `${rechargements} reloads`);
  assert.match(fenetre.webContents.urls.at(-1), /^data:text\/html/);
  assert.equal(etats.at(-1), 'hors_service');
});

test('shows the window only when ready', () => {
  const { fenetre } = creer();
  assert.equal(fenetre.visible, false);
  fenetre.emit('ready-to-show');
  assert.equal(fenetre.visible, true);
});
