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

const CHEMIN_PAR_DEFAUT = '/etc/nsia-pass-borne/config.json';

class ErreurConfig extends Error {}

function cheminConfig(env = process.env) {
  return env.NSIA_BORNE_CONFIG || CHEMIN_PAR_DEFAUT;
}

function texte(c, nom, obligatoire) {
  const v = c[nom];
  if (v === undefined || v === null || v === '') {
    if (obligatoire) throw new ErreurConfig(`${nom} est obligatoire`);
    return undefined;
  }
  if (typeof v !== 'string') throw new ErreurConfig(`${nom} doit être un texte`);
  return v.trim();
}

function entier(c, nom, defaut) {
  const v = c[nom];
  if (v === undefined || v === null) return defaut;
  if (!Number.isInteger(v) || v <= 0) throw new ErreurConfig(`${nom} doit être un entier positif`);
  return v;
}

const HOTES_LOCAUX = new Set(['localhost', '127.0.0.1', '[::1]']);

function valider(c) {
  if (!c || typeof c !== 'object' || Array.isArray(c)) throw new ErreurConfig('la configuration doit être un objet JSON');
  const apiBaseUrl = texte(c, 'apiBaseUrl', true);
  let url;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    throw new ErreurConfig('apiBaseUrl doit être une adresse http(s)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ErreurConfig('apiBaseUrl doit être une adresse http(s)');
  // Plain http only to this machine: a remote API in http would be refused by the page's
  // security policy, and the kiosk would show « indisponible » forever.
  if (url.protocol === 'http:' && !HOTES_LOCAUX.has(url.hostname)) {
    throw new ErreurConfig('apiBaseUrl doit être en https (http seulement pour localhost)');
  }
  if (c.sandbox !== undefined && typeof c.sandbox !== 'boolean') throw new ErreurConfig('sandbox doit valoir true ou false');
  return {
    apiOrigin: url.origin,
    apiBaseUrl: url.origin,
    borneId: texte(c, 'borneId', true),
    borneKey: texte(c, 'borneKey', true),
    agence: texte(c, 'agence', true),
    printerName: texte(c, 'printerName', false),
    inactivitySeconds: entier(c, 'inactivitySeconds', 270),
    inactivityCountdownSeconds: entier(c, 'inactivityCountdownSeconds', 30),
    sandbox: c.sandbox === true,
  };
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
