'use strict';
/**
 * The Content-Security-Policy of the kiosk page, written once for the two places that send it:
 * the Vite build puts it in index.html (a meta tag, so the page served by the API at /borne/
 * carries it too), and the Electron shell sends it as a header of app://borne/ with the API's
 * origin added to connect-src (the page then talks to the API and nowhere else).
 * Nothing inline: the build has no inline script or style (scripts/test.sh checks it).
 * CommonJS so that Electron's main process can require() it; Vite and TypeScript import it too.
 */

/** @param {string} [apiOrigin] the API origin the page may call besides its own ('' or absent: none) */
function politiqueContenu(apiOrigin = '') {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    apiOrigin ? `connect-src 'self' ${apiOrigin}` : "connect-src 'self'",
    // The relevé (PDF) is shown from a blob: URL.
    "frame-src 'self' blob:",
    "object-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

module.exports = { politiqueContenu };
