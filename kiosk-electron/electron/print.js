'use strict';
/**
 * Silent printing to the configured printer (the system's default one when none is configured):
 * - the page itself (a receipt) with webContents.print({ silent: true });
 * - a PDF given by the page (the statement) sent straight to CUPS (`lp`) through its standard
 *   input: the real PDF is printed, and nothing is written to the kiosk's disk.
 */
const { spawn } = require('node:child_process');

const PDF_MAX_OCTETS = 10 * 1024 * 1024;

function optionsImpression(printerName) {
  const options = { silent: true, printBackground: true, margins: { marginType: 'default' } };
  if (printerName) options.deviceName = printerName;
  return options;
}

function imprimer(contenus, { printerName } = {}) {
  return new Promise((resolve, reject) => {
    contenus.print(optionsImpression(printerName), (reussi, raison) => {
      if (reussi) resolve(true);
      else reject(new Error(`impression impossible : ${raison || 'raison inconnue'}`));
    });
  });
}

/** Bytes of a PDF sent by the page (ArrayBuffer or typed array), checked; null when not a PDF. */
function octetsPdf(valeur) {
  let octets = null;
  if (valeur instanceof ArrayBuffer || Object.prototype.toString.call(valeur) === '[object ArrayBuffer]') {
    octets = Buffer.from(valeur);
  } else if (ArrayBuffer.isView(valeur)) {
    octets = Buffer.from(valeur.buffer, valeur.byteOffset, valeur.byteLength);
  }
  if (!octets || octets.length < 5 || octets.length > PDF_MAX_OCTETS) return null;
  if (octets.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  return octets;
}

function argumentsLp(printerName) {
  const args = [];
  if (printerName) args.push('-d', printerName);
  args.push('-t', 'Releve NSIA PASS', '-o', 'fit-to-page', '--');
  return args;
}

function imprimerPdf(valeur, { printerName, lancer = spawn } = {}) {
  const octets = octetsPdf(valeur);
  if (!octets) return Promise.reject(new Error('document refusé : ce n’est pas un PDF'));
  return new Promise((resolve, reject) => {
    const lp = lancer('lp', argumentsLp(printerName), { stdio: ['pipe', 'ignore', 'pipe'] });
    let erreur = '';
    lp.stderr?.on('data', (d) => (erreur += d));
    lp.on('error', (e) => reject(new Error(`impression impossible : ${e.message}`)));
    lp.on('close', (code) => (code === 0 ? resolve(true) : reject(new Error(`impression impossible : ${erreur.trim() || `lp ${code}`}`))));
    lp.stdin.end(octets);
  });
}

module.exports = { imprimer, imprimerPdf, optionsImpression, octetsPdf, argumentsLp, PDF_MAX_OCTETS };
