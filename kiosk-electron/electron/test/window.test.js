'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { optionsFenetre, creerFenetre } = require('../window');
const { fauxBrowserWindow, evenement } = require('./fakes');

function creer(isPackaged = true) {
  const BrowserWindow = fauxBrowserWindow();
  const menus = [];
  const planifies = [];
  const fenetre = creerFenetre({
    BrowserWindow,
    Menu: { setApplicationMenu: (m) => menus.push(m) },
    isPackaged,
    preload: '/app/electron/preload.js',
    url: 'app://borne/borne/',
    journal: { warn() {} },
    planifier: (f) => planifies.push(f),
  });
  return { fenetre, menus, planifies };
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

test('shows the window only when ready', () => {
  const { fenetre } = creer();
  assert.equal(fenetre.visible, false);
  fenetre.emit('ready-to-show');
  assert.equal(fenetre.visible, true);
});
