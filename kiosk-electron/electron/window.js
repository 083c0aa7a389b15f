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

const DELAI_RECHARGEMENT_MS = 1500;

/**
 * Creates the window. Electron objects come in as parameters so that tests can pass fakes.
 * @returns the BrowserWindow
 */
function creerFenetre({ BrowserWindow, Menu, isPackaged, preload, url, journal = console, planifier = setTimeout }) {
  Menu.setApplicationMenu(null);
  const fenetre = new BrowserWindow(optionsFenetre({ isPackaged, preload }));
  fenetre.setMenuBarVisibility?.(false);
  const contenus = fenetre.webContents;

  const recharger = (raison) => {
    journal.warn?.(`borne: rechargement (${raison})`);
    planifier(() => {
      if (!fenetre.isDestroyed?.()) contenus.loadURL(url);
    }, DELAI_RECHARGEMENT_MS);
  };

  contenus.on('render-process-gone', (_e, details) => recharger(`processus de rendu arrêté : ${details && details.reason}`));
  fenetre.on('unresponsive', () => recharger('page figée'));
  contenus.on('did-fail-load', (_e, code, description, urlEchec, principal) => {
    if (principal !== false && code !== -3) recharger(`chargement impossible : ${description}`);
  });
  fenetre.once('ready-to-show', () => fenetre.show());

  contenus.loadURL(url);
  return fenetre;
}

module.exports = { optionsFenetre, creerFenetre, DELAI_RECHARGEMENT_MS };
