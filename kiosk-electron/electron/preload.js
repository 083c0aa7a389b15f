'use strict';
/** Minimal bridge: window.borne.print() and window.borne.version(), nothing else. */
const { contextBridge, ipcRenderer } = require('electron');

contextBridge.exposeInMainWorld('borne', {
  print: () => ipcRenderer.invoke('borne:print'),
  version: () => ipcRenderer.invoke('borne:version'),
});
