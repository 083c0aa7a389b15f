'use strict';
/** Entry point of the kiosk shell: config → protocol → security → window → IPC → awake. */
const path = require('node:path');
const { lireConfig, configPourLaPage, ErreurConfig } = require('./config');
const { APP_ORIGIN, URL_ACCUEIL, PRIVILEGES, SCHEMA, gestionnaire } = require('./protocol');
const { appliquerSecurite, bloquerRaccourcis } = require('./security');
const { creerFenetre, PARTITION } = require('./window');
const { enregistrerIpc } = require('./ipc');
const { imprimer, imprimerPdf } = require('./print');
const { demarrerPouls } = require('./heartbeat');

const DIST = path.join(__dirname, '..', 'dist');

/** Page shown when the config file is missing or invalid (no secret in it). */
function pageMaintenance(raison) {
  const texte = String(raison).replace(/[<>&"]/g, '');
  return `data:text/html;charset=utf-8,${encodeURIComponent(
    `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Borne en maintenance</title><body style="margin:0;display:grid;place-items:center;height:100vh;background:#0b3b8c;color:#fff;font:28px sans-serif;text-align:center"><div><h1>Borne en maintenance</h1><p>Un conseiller NSIA peut vous aider au guichet.</p><p style="font-size:20px">${texte}</p></div></body></html>`,
  )}`;
}

/** The app loaded again after a reload: the heartbeat may say "ok" again. */
function contenusPrets(contenus, rappel) {
  contenus.on?.('did-finish-load', rappel);
}

function demarrer(electron, { env = process.env, journal = console } = {}) {
  const { app, BrowserWindow, Menu, ipcMain, protocol, session, powerSaveBlocker, net } = electron;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged(PRIVILEGES);
  app.on('window-all-closed', () => app.quit());

  return app.whenReady().then(() => {
    powerSaveBlocker.start('prevent-display-sleep');
    const preload = path.join(__dirname, 'preload.js');

    let config;
    try {
      config = lireConfig({ env });
    } catch (e) {
      journal.error(`borne: ${e instanceof ErreurConfig ? e.message : 'configuration illisible'}`);
      Menu.setApplicationMenu(null);
      const fenetre = new BrowserWindow({ kiosk: true, fullscreen: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false } });
      fenetre.loadURL(pageMaintenance(e.message));
      return fenetre;
    }

    // The window's in-memory session (no profile on disk): the app:// scheme and the security
    // rules must be set on it, not on the default session.
    const ses = session.fromPartition(PARTITION);
    (ses.protocol ?? protocol).handle(SCHEMA, gestionnaire({ dist: DIST, configPage: configPourLaPage(config), apiOrigin: config.apiOrigin }));
    appliquerSecurite({ app, session: ses, appOrigin: APP_ORIGIN, apiOrigin: config.apiOrigin, borneId: config.borneId, borneKey: config.borneKey });
    enregistrerIpc({
      ipcMain,
      appOrigin: APP_ORIGIN,
      imprimer: (contenus) => imprimer(contenus, { printerName: config.printerName }),
      imprimerPdf: (pdf) => imprimerPdf(pdf, { printerName: config.printerName }),
      version: app.getVersion(),
    });

    let etat = 'ok';
    let pouls = null;
    const signalerEtat = (e) => {
      etat = e;
      if (e === 'hors_service') void pouls?.envoyer(); // at once, not in 5 minutes
    };
    const fenetre = creerFenetre({ BrowserWindow, Menu, isPackaged: app.isPackaged, preload, url: URL_ACCUEIL, journal, signalerEtat });
    contenusPrets(fenetre.webContents, () => etat !== 'hors_service' && (etat = 'ok'));
    if (app.isPackaged) bloquerRaccourcis(fenetre.webContents);
    pouls = demarrerPouls({
      statut: () => etat,
      fetchFn: (url, init) => net.fetch(url, init),
      apiOrigin: config.apiOrigin,
      borneId: config.borneId,
      borneKey: config.borneKey,
      version: app.getVersion(),
      journal,
    });
    return fenetre;
  });
}

if (require.main === module) {
  demarrer(require('electron'));
}

module.exports = { demarrer, pageMaintenance, DIST };
