'use strict';
/**
 * The shell's configuration: a JSON file OUTSIDE the app bundle, so that the same package
 * runs in every agency. Path: $NSIA_BORNE_CONFIG, else /etc/nsia-pass-borne/config.json.
 *
 * {
 *   "apiBaseUrl": "https://pass.nsia.cg",   // the API origin (https in production)
 *   "borneId": "BZV-01", "borneKey": "…",   // injected as headers by the shell, never given to the page
 *   "agence": "Agence de Brazzaville – Centre-ville",
 *   "printerName": "EPSON_TM_T20",          // optional: the system's default printer otherwise
 *   "inactivitySeconds": 270, "inactivityCountdownSeconds": 30, "sandbox": false
 * }
 */
const fs = require('node:fs');
// The rules themselves are shared with the page (commun/config-borne.js): one validator.
const { validerConfig, ErreurConfig } = require('../commun/config-borne');

const CHEMIN_PAR_DEFAUT = '/etc/nsia-pass-borne/config.json';

function cheminConfig(env = process.env) {
  return env.NSIA_BORNE_CONFIG || CHEMIN_PAR_DEFAUT;
}

/** Reads and validates the file. Throws ErreurConfig with a French reason. */
function lireConfig({ env = process.env, lire = (p) => fs.readFileSync(p, 'utf8') } = {}) {
  const chemin = cheminConfig(env);
  let brut;
  try {
    brut = lire(chemin);
  } catch {
    throw new ErreurConfig(`fichier de configuration introuvable : ${chemin}`);
  }
  let json;
  try {
    json = JSON.parse(brut);
  } catch {
    throw new ErreurConfig(`fichier de configuration illisible (JSON invalide) : ${chemin}`);
  }
  return valider(json);
}

/** The shell's file: API origin, borne id and key required; apiOrigin for the shell's modules. */
function valider(json) {
  const config = validerConfig(json, { coque: true });
  return { ...config, apiOrigin: config.apiBaseUrl };
}

/** What the page receives as /borne/config.json: never the borne's key. */
function configPourLaPage(config) {
  return {
    apiBaseUrl: config.apiBaseUrl,
    agence: config.agence,
    inactivitySeconds: config.inactivitySeconds,
    inactivityCountdownSeconds: config.inactivityCountdownSeconds,
    sandbox: config.sandbox,
  };
}

module.exports = { lireConfig, valider, configPourLaPage, cheminConfig, ErreurConfig, CHEMIN_PAR_DEFAUT };
