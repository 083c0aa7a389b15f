'use strict';
/**
 * The Content-Security-Policy of the kiosk page. Its directives are data, in
 * politique-contenu.json, so that the API (which serves the page at /borne/) reads the very same
 * list; this module adds connect-src. Its users: the Vite build (a meta tag in index.html, so the
 * page served by the API carries it too) and the Electron shell (a header of app://borne/, with
 * the API's origin added to connect-src: the page talks to the API and nowhere else).
 * CommonJS so that Electron's main process can require() it; Vite and TypeScript import it too.
 */
const { directives } = require('./politique-contenu.json');

/** @param {string} [apiOrigin] the API origin the page may call besides its own ('' or absent: none) */
function politiqueContenu(apiOrigin = '') {
  return [...directives, apiOrigin ? `connect-src 'self' ${apiOrigin}` : "connect-src 'self'"].join('; ');
}

module.exports = { politiqueContenu };
