'use strict';
/**
 * Minimal bridge: window.borne.print(pdf?) and window.borne.version(), nothing else.
 * print() prints the page (a receipt); print(arrayBufferOfAPdf) prints that PDF (the statement).
 */
const { contextBridge, ipcRenderer } = require('electron');

contextBridge.exposeInMainWorld('borne', {
  print: (pdf) => ipcRenderer.invoke('borne:print', pdf === undefined ? undefined : pdf),
  version: () => ipcRenderer.invoke('borne:version'),
});
