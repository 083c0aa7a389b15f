'use strict';
/**
 * The renderer is served from the app's own bundle through a privileged custom scheme:
 * app://borne/borne/… ← dist/… (the Vite base is /borne/, like the API's /borne/).
 * /borne/config.json comes from the shell's config (without the borne key).
 */
const fs = require('node:fs/promises');
const path = require('node:path');
// The same policy as the page's meta tag, written once (commun/politique-contenu.js).
const { politiqueContenu } = require('../commun/politique-contenu');

const SCHEMA = 'app';
const HOTE = 'borne';
const APP_ORIGIN = `${SCHEMA}://${HOTE}`;
const URL_ACCUEIL = `${APP_ORIGIN}/borne/`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Registered before the app is ready: standard + secure so fetch, CSP and origins work. */
const PRIVILEGES = [
  { scheme: SCHEMA, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
];

function reponse(corps, statut, type, csp) {
  return new Response(corps, {
    status: statut,
    headers: { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
  });
}

/** Returns the handler for protocol.handle(SCHEMA, …). */
function gestionnaire({ dist, configPage, apiOrigin, lire = fs.readFile }) {
  const racine = path.resolve(dist);
  const csp = politiqueContenu(apiOrigin);
  return async (requete) => {
    const url = new URL(requete.url);
    if (url.host !== HOTE || requete.method !== 'GET') return reponse('Interdit', 403, 'text/plain; charset=utf-8', csp);
    if (url.pathname === '/borne/config.json') {
      return reponse(JSON.stringify(configPage), 200, 'application/json', csp);
    }
    if (!url.pathname.startsWith('/borne/')) return reponse('Introuvable', 404, 'text/plain; charset=utf-8', csp);
    let relatif = decodeURIComponent(url.pathname.slice('/borne/'.length));
    if (relatif === '' || relatif.endsWith('/')) relatif += 'index.html';
    const fichier = path.resolve(racine, relatif);
    if (fichier !== racine && !fichier.startsWith(racine + path.sep)) return reponse('Interdit', 403, 'text/plain; charset=utf-8', csp);
    let contenu;
    try {
      contenu = await lire(fichier);
    } catch {
      return reponse('Introuvable', 404, 'text/plain; charset=utf-8', csp);
    }
    const ext = path.extname(fichier);
    if (ext === '.html') {
      // The page's meta carries the policy without the API origin (the build does not know it):
      // the same policy with it, as in the header.
      contenu = contenu.toString('utf8').replace(politiqueContenu(), csp);
    }
    return reponse(contenu, 200, TYPES[ext] || 'application/octet-stream', csp);
  };
}

module.exports = { SCHEMA, HOTE, APP_ORIGIN, URL_ACCUEIL, PRIVILEGES, gestionnaire };
