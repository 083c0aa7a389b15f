'use strict';
/**
 * Security of the kiosk window (Electron's checklist): no navigation outside the app's origin,
 * no new windows, no webviews, every permission refused, and the borne's credentials added
 * only to requests for the API's origin.
 */

/**
 * True only when `url` parses and has exactly the scheme, host and port of `origine`.
 * (Node's URL gives origin "null" for custom schemes such as app://, so compare the parts.)
 */
function memeOrigine(url, origine) {
  try {
    const u = new URL(url);
    const o = new URL(origine);
    return u.protocol === o.protocol && u.host === o.host && u.host !== '';
  } catch {
    return false;
  }
}

/** Permissions (camera, geolocation, notifications…): always refused. */
function refuserPermissions(session) {
  session.setPermissionRequestHandler((_contenus, _permission, rappel) => rappel(false));
  session.setPermissionCheckHandler(() => false);
}

/** Nothing is ever saved on the kiosk's disk: every download is cancelled. */
function refuserTelechargements(session) {
  session.on('will-download', (evenement, element) => {
    evenement.preventDefault();
    element?.cancel?.();
  });
}

/** X-Borne-Id / X-Borne-Key on requests to the API origin, and nowhere else. */
function injecterEntetesBorne(session, { apiOrigin, borneId, borneKey }) {
  const filtre = { urls: [`${apiOrigin}/*`] };
  session.webRequest.onBeforeSendHeaders(filtre, (details, rappel) => {
    const requestHeaders = { ...details.requestHeaders };
    if (memeOrigine(details.url, apiOrigin)) {
      requestHeaders['X-Borne-Id'] = borneId;
      requestHeaders['X-Borne-Key'] = borneKey;
    }
    rappel({ requestHeaders });
  });
}

/** Chromium's built-in PDF viewer, which shows the statement inside its frame. */
const VISIONNEUSE_PDF = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** Where a frame (the statement preview) may go: the app, its blob: PDF, the PDF viewer. */
function navigationCadrePermise(url, appOrigin) {
  if (url === 'about:blank' || memeOrigine(url, appOrigin)) return true;
  if (typeof url === 'string' && url.startsWith('blob:')) return memeOrigine(url.slice(5), appOrigin);
  return memeOrigine(url, VISIONNEUSE_PDF);
}

/** Navigation, redirects, new windows and webviews of one webContents. */
function securiserContenus(contenus, { appOrigin }) {
  const bloquerHorsApp = (evenement, url) => {
    if (!memeOrigine(url, appOrigin)) evenement.preventDefault();
  };
  contenus.on('will-navigate', bloquerHorsApp);
  // Frames too: a link inside the previewed PDF must not take the kiosk elsewhere.
  contenus.on('will-frame-navigate', (evenement) => {
    if (!evenement.isMainFrame && !navigationCadrePermise(evenement.url, appOrigin)) evenement.preventDefault();
  });
  contenus.on('will-redirect', bloquerHorsApp);
  contenus.on('will-attach-webview', (evenement) => evenement.preventDefault());
  contenus.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Keys that could leave or reload the kiosk (only when packaged: development stays comfortable). */
const RACCOURCIS_BLOQUES = new Set(['F5', 'F11', 'F12', 'Ctrl+R', 'Ctrl+Shift+R', 'Ctrl+W', 'Ctrl+Q', 'Alt+F4', 'Ctrl+Shift+I', 'Ctrl+P']);

function nomRaccourci(input) {
  const parts = [];
  if (input.control || input.meta) parts.push('Ctrl');
  if (input.alt) parts.push('Alt');
  if (input.shift) parts.push('Shift');
  parts.push(input.key.length === 1 ? input.key.toUpperCase() : input.key);
  return parts.join('+');
}

function bloquerRaccourcis(contenus) {
  contenus.on('before-input-event', (evenement, input) => {
    if (input.type === 'keyDown' && RACCOURCIS_BLOQUES.has(nomRaccourci(input))) evenement.preventDefault();
  });
}

/** Applies everything to the session and to every webContents created from now on. */
function appliquerSecurite({ app, session, appOrigin, apiOrigin, borneId, borneKey }) {
  refuserPermissions(session);
  refuserTelechargements(session);
  injecterEntetesBorne(session, { apiOrigin, borneId, borneKey });
  app.on('web-contents-created', (_e, contenus) => securiserContenus(contenus, { appOrigin }));
}

module.exports = {
  memeOrigine,
  refuserPermissions,
  refuserTelechargements,
  injecterEntetesBorne,
  securiserContenus,
  navigationCadrePermise,
  bloquerRaccourcis,
  nomRaccourci,
  appliquerSecurite,
};
