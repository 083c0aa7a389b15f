'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { EventEmitter } = require('node:events');
const { appliquerSecurite, securiserContenus, memeOrigine, bloquerRaccourcis } = require('../security');
const { FauxContenus, fausseSession, evenement } = require('./fakes');

const APP = 'app://borne';
const API = 'https://pass.nsia.cg';

function installer() {
  const app = new EventEmitter();
  const session = fausseSession();
  appliquerSecurite({ app, session, appOrigin: APP, apiOrigin: API, borneId: 'BZV-01', borneKey: 'secret' });
  const contenus = new FauxContenus();
  app.emit('web-contents-created', {}, contenus);
  return { session, contenus };
}

test('every permission request and check is refused', () => {
  const { session } = installer();
  let accorde;
  session.permissionRequest({}, 'media', (v) => (accorde = v));
  assert.equal(accorde, false);
  assert.equal(session.permissionCheck({}, 'geolocation'), false);
});

test('borne headers only on requests to the API origin', () => {
  const { session } = installer();
  assert.deepEqual(session.webRequest.filtre, { urls: ['https://pass.nsia.cg/*'] });
  let resultat;
  session.webRequest.gestionnaire({ url: 'https://pass.nsia.cg/api/v1/auth/login/', requestHeaders: { A: '1' } }, (r) => (resultat = r));
  assert.deepEqual(resultat.requestHeaders, { A: '1', 'X-Borne-Id': 'BZV-01', 'X-Borne-Key': 'secret' });
  session.webRequest.gestionnaire({ url: 'https://pass.nsia.cg.evil.com/x', requestHeaders: {} }, (r) => (resultat = r));
  assert.deepEqual(resultat.requestHeaders, {});
});

test('navigation only inside the app origin (parsed with URL, not prefixes)', () => {
  const { contenus } = installer();
  const cas = [
    ['app://borne/borne/', false],
    ['app://borne/borne/autre', false],
    ['app://borne.evil.com/', true],
    ['https://pass.nsia.cg/admin/', true],
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['javascript:alert(1)', true],
    ['pas une url', true],
  ];
  for (const [url, bloque] of cas) {
    const e = evenement();
    contenus.emit('will-navigate', e, url);
    assert.equal(e.empeche, bloque, url);
    const r = evenement();
    contenus.emit('will-redirect', r, url);
    assert.equal(r.empeche, bloque, url);
  }
});

test('navigation inside a frame (the statement preview) stays in the app or the PDF viewer', () => {
  const { contenus } = installer();
  const cas = [
    ['blob:app://borne/2f0c-11', false], // the statement PDF, made by the app
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', false], // built-in PDF viewer
    ['about:blank', false],
    ['app://borne/borne/', false],
    ['https://evil.example/', true], // a link inside the PDF
    ['blob:https://evil.example/1', true],
    ['chrome-extension://autre/x.html', true],
    ['file:///etc/passwd', true],
  ];
  for (const [url, bloque] of cas) {
    const e = { ...evenement(), url, isMainFrame: false };
    contenus.emit('will-frame-navigate', e);
    assert.equal(e.empeche, bloque, url);
  }
});

test('no new window and no webview', () => {
  const { contenus } = installer();
  assert.deepEqual(contenus.ouverture({ url: 'app://borne/borne/' }), { action: 'deny' });
  assert.deepEqual(contenus.ouverture({ url: 'https://evil.example/' }), { action: 'deny' });
  const e = evenement();
  contenus.emit('will-attach-webview', e);
  assert.equal(e.empeche, true);
});

test('memeOrigine compares real origins', () => {
  assert.equal(memeOrigine('app://borne/x', APP), true);
  assert.equal(memeOrigine('app://borne:80/x', APP), false);
  assert.equal(memeOrigine('', APP), false);
});

test('reload, close and devtools shortcuts are blocked in the packaged kiosk', () => {
  const contenus = new FauxContenus();
  securiserContenus(contenus, { appOrigin: APP });
  bloquerRaccourcis(contenus);
  for (const input of [
    { type: 'keyDown', key: 'r', control: true },
    { type: 'keyDown', key: 'F5' },
    { type: 'keyDown', key: 'F4', alt: true },
    { type: 'keyDown', key: 'i', control: true, shift: true },
  ]) {
    const e = evenement();
    contenus.emit('before-input-event', e, input);
    assert.equal(e.empeche, true, JSON.stringify(input));
  }
  const e = evenement();
  contenus.emit('before-input-event', e, { type: 'keyDown', key: '5' });
  assert.equal(e.empeche, false);
});

test('downloads are always cancelled (nothing saved on the kiosk)', () => {
  const { session } = installer();
  const e = evenement();
  let annule = false;
  session.emit('will-download', e, { cancel: () => (annule = true) });
  assert.equal(e.empeche, true);
  assert.equal(annule, true);
});
