'use strict';
/** Small fakes of the Electron objects the shell uses: they record what was set on them. */
const { EventEmitter } = require('node:events');

class FauxContenus extends EventEmitter {
  constructor() {
    super();
    this.urls = [];
    this.ouverture = null;
    this.impressions = [];
  }
  loadURL(url) {
    this.urls.push(url);
    return Promise.resolve();
  }
  forcefullyCrashRenderer() {
    // As Electron does: the killed renderer is reported gone.
    this.tue = (this.tue ?? 0) + 1;
    this.emit('render-process-gone', { preventDefault() {} }, { reason: 'killed' });
  }
  setWindowOpenHandler(f) {
    this.ouverture = f;
  }
  print(options, rappel) {
    this.impressions.push(options);
    rappel(this.impressionReussie !== false, this.impressionReussie === false ? 'no printer' : '');
  }
}

function fauxBrowserWindow() {
  const instances = [];
  class FausseFenetre extends EventEmitter {
    constructor(options) {
      super();
      this.options = options;
      this.webContents = new FauxContenus();
      this.visible = false;
      instances.push(this);
    }
    show() {
      this.visible = true;
    }
    isDestroyed() {
      return false;
    }
    setMenuBarVisibility(v) {
      this.menuBar = v;
    }
    loadURL(url) {
      return this.webContents.loadURL(url);
    }
  }
  FausseFenetre.instances = instances;
  return FausseFenetre;
}

function fausseSession() {
  const session = new EventEmitter();
  return Object.assign(session, {
    permissionRequest: null,
    permissionCheck: null,
    headers: null,
    setPermissionRequestHandler(f) {
      this.permissionRequest = f;
    },
    setPermissionCheckHandler(f) {
      this.permissionCheck = f;
    },
    webRequest: {
      onBeforeSendHeaders(filtre, f) {
        this.filtre = filtre;
        this.gestionnaire = f;
      },
    },
  });
}

function faussesEntrees() {
  const canaux = {};
  return { canaux, handle: (canal, f) => (canaux[canal] = f) };
}

/** An event with preventDefault() that remembers it was called. */
function evenement(extra = {}) {
  return { empeche: false, preventDefault() { this.empeche = true; }, ...extra };
}

module.exports = { FauxContenus, fauxBrowserWindow, fausseSession, faussesEntrees, evenement };
