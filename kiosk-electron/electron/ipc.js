'use strict';
/** The two messages the page may send; each sender frame is checked against the app's origin. */
const { memeOrigine } = require('./security');

const CANAUX = { imprimer: 'borne:print', version: 'borne:version' };

function verifierExpediteur(evenement, appOrigin) {
  const cadre = evenement.senderFrame;
  if (!cadre || !memeOrigine(cadre.url, appOrigin)) {
    throw new Error('message refusé : expéditeur inconnu');
  }
}

/**
 * borne:print without argument prints the page (receipt); with a PDF (the statement) prints
 * that document. Both silently, to the configured printer.
 */
function enregistrerIpc({ ipcMain, appOrigin, imprimer, imprimerPdf, version }) {
  ipcMain.handle(CANAUX.imprimer, async (evenement, pdf) => {
    verifierExpediteur(evenement, appOrigin);
    if (pdf !== undefined && pdf !== null) return imprimerPdf(pdf);
    return imprimer(evenement.sender);
  });
  ipcMain.handle(CANAUX.version, (evenement) => {
    verifierExpediteur(evenement, appOrigin);
    return version;
  });
}

module.exports = { enregistrerIpc, verifierExpediteur, CANAUX };
