'use strict';
/** The kiosk window: full screen, no menu, locked-down web preferences, reloads after a crash or hang. */

function optionsFenetre({ isPackaged, preload }) {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    frame: false,
    show: false,
    backgroundColor: '#0b3b8c',
    title: 'NSIA PASS – Borne',
    webPreferences: {
      // No "persist:" prefix: an in-memory session, nothing of a client written to disk.
      partition: PARTITION,
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's built-in PDF viewer (the only plugin Electron has) previews the statement.
      plugins: true,
      spellcheck: false,
      devTools: !isPackaged,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

const PARTITION = 'borne';
const DELAI_RECHARGEMENT_MS = 1500;
/** More reloads than this within the window below: the page is broken, stop looping. */
const RECHARGEMENTS_MAX = 5;
const FENETRE_RECHARGEMENTS_MS = 10 * 60 * 1000;
const PAGE_HORS_SERVICE = `data:text/html;charset=utf-8,${encodeURIComponent(
  '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Borne hors service</title>' +
    '<body style="margin:0;display:grid;place-items:center;height:100vh;background:#0b3b8c;color:#fff;' +
    'font:32px sans-serif;text-align:center"><main><h1>Borne momentanément hors service</h1>' +
    '<p>Un conseiller NSIA vous accueille au guichet.</p></main></body></html>',
)}`;

/**
 * Creates the window. Electron objects come in as parameters so that tests can pass fakes.
 * @returns the BrowserWindow
 */
function creerFenetre({
  BrowserWindow,
  Menu,
  isPackaged,
  preload,
  url,
  journal = console,
  planifier = setTimeout,
  maintenant = Date.now,
  signalerEtat = () => {},
}) {
  Menu.setApplicationMenu(null);
  const fenetre = new BrowserWindow(optionsFenetre({ isPackaged, preload }));
  fenetre.setMenuBarVisibility?.(false);
  const contenus = fenetre.webContents;

  const recents = [];
  let horsService = false;
  const recharger = (raison) => {
    if (horsService) return;
    const t = maintenant();
    while (recents.length && t - recents[0] > FENETRE_RECHARGEMENTS_MS) recents.shift();
    if (recents.length >= RECHARGEMENTS_MAX) {
      horsService = true;
      journal.warn?.(`borne: hors service après ${recents.length} rechargements (${raison})`);
      signalerEtat('hors_service');
      contenus.loadURL(PAGE_HORS_SERVICE);
      return;
    }
    recents.push(t);
    journal.warn?.(`borne: rechargement (${raison})`);
    signalerEtat('rechargement');
    planifier(() => {
      if (!fenetre.isDestroyed?.()) contenus.loadURL(url);
    }, DELAI_RECHARGEMENT_MS);
  };

  contenus.on('render-process-gone', (_e, details) => recharger(`processus de rendu arrêté : ${details && details.reason}`));
  fenetre.on('unresponsive', () => {
    // A hung renderer does not reload: kill it; its 'render-process-gone' then reloads (once).
    if (typeof contenus.forcefullyCrashRenderer === 'function') contenus.forcefullyCrashRenderer();
    else recharger('page figée');
  });
  contenus.on('did-fail-load', (_e, code, description, urlEchec, principal) => {
    if (principal !== false && code !== -3) recharger(`chargement impossible : ${description}`);
  });
  fenetre.once('ready-to-show', () => fenetre.show());

  contenus.loadURL(url);
  return fenetre;
}

module.exports = { optionsFenetre, creerFenetre, DELAI_RECHARGEMENT_MS, RECHARGEMENTS_MAX, PARTITION };
