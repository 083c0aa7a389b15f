'use strict';
/**
 * The rules of the kiosk's configuration, written once for its two readers:
 * - the Electron shell reads /etc/nsia-pass-borne/config.json (electron/config.js): the API
 *   origin and the borne's id and key are required there (it injects them as headers);
 * - the page reads /borne/config.json (src/lib/config.ts), made by the shell without the key,
 *   or by the API in a browser: an empty apiBaseUrl then means "same origin as the page".
 * Every message is French: the kiosk shows it on its maintenance screen.
 * CommonJS so that Electron's main process can require() it; Vite and TypeScript import it too.
 */

class ErreurConfig extends Error {}

const HOTES_LOCAUX = new Set(['localhost', '127.0.0.1', '[::1]']);
const SECONDES_MAX = 86400;

function texte(c, nom, obligatoire) {
  const v = c[nom];
  if (v === undefined || v === null || v === '') {
    if (obligatoire) throw new ErreurConfig(`${nom} est obligatoire`);
    return undefined;
  }
  if (typeof v !== 'string') throw new ErreurConfig(`${nom} doit être un texte`);
  const propre = v.trim();
  if (obligatoire && propre === '') throw new ErreurConfig(`${nom} est obligatoire`);
  return propre;
}

function secondes(c, nom, defaut) {
  const v = c[nom];
  if (v === undefined || v === null) return defaut;
  if (!Number.isInteger(v) || v <= 0 || v > SECONDES_MAX) {
    throw new ErreurConfig(`${nom} doit être un nombre entier de secondes positif`);
  }
  return v;
}

/** '' stays '' (same origin as the page); otherwise the origin of an http(s) address. */
function origineApi(c, obligatoire) {
  const brut = texte(c, 'apiBaseUrl', obligatoire);
  if (brut === undefined) return '';
  let url;
  try {
    url = new URL(brut);
  } catch {
    throw new ErreurConfig('apiBaseUrl doit être une adresse http(s)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ErreurConfig('apiBaseUrl doit être une adresse http(s)');
  // Plain http only to this machine: a remote API in http would be refused by the page's
  // security policy, and the kiosk would show « indisponible » forever.
  if (url.protocol === 'http:' && !HOTES_LOCAUX.has(url.hostname)) {
    throw new ErreurConfig('apiBaseUrl doit être en https (http seulement pour localhost)');
  }
  return url.origin;
}

/**
 * @typedef {object} ConfigBorne
 * @property {string} apiBaseUrl "" = same origin as the page; otherwise an http(s) origin
 * @property {string} [borneId] absent in the page under Electron (the shell injects it)
 * @property {string} [borneKey] never given to the page by the shell
 * @property {string} agence
 * @property {string} [printerName] the shell's printer (system default otherwise)
 * @property {number} inactivitySeconds
 * @property {number} inactivityCountdownSeconds
 * @property {boolean} sandbox operator sandboxes: test payer numbers may be typed
 */

/**
 * Validates a parsed config.json. Throws ErreurConfig with a French reason.
 * @param {unknown} brut
 * @param {{ coque?: boolean }} [options] coque: the shell's file (API origin, id and key required)
 * @returns {ConfigBorne}
 */
function validerConfig(brut, { coque = false } = {}) {
  if (!brut || typeof brut !== 'object' || Array.isArray(brut)) throw new ErreurConfig('la configuration doit être un objet JSON');
  const c = /** @type {Record<string, unknown>} */ (brut);
  const apiBaseUrl = origineApi(c, coque);
  const borneId = texte(c, 'borneId', coque);
  const borneKey = texte(c, 'borneKey', coque);
  if (borneKey && !borneId) throw new ErreurConfig('borneKey sans borneId');
  if (c.sandbox !== undefined && typeof c.sandbox !== 'boolean') throw new ErreurConfig('sandbox doit valoir true ou false');
  return {
    apiBaseUrl,
    borneId,
    borneKey,
    agence: /** @type {string} */ (texte(c, 'agence', true)),
    printerName: texte(c, 'printerName', false),
    inactivitySeconds: secondes(c, 'inactivitySeconds', 270),
    inactivityCountdownSeconds: secondes(c, 'inactivityCountdownSeconds', 30),
    sandbox: c.sandbox === true,
  };
}

module.exports = { validerConfig, ErreurConfig };
