'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const Module = require('node:module');

test('the preload exposes only window.borne.print() and version() through contextBridge', async () => {
  const exposes = {};
  const invoques = [];
  const fauxElectron = {
    contextBridge: { exposeInMainWorld: (nom, api) => (exposes[nom] = api) },
    ipcRenderer: { invoke: async (canal) => (invoques.push(canal), canal) },
  };
  const charger = Module._load;
  Module._load = function (demande, ...reste) {
    if (demande === 'electron') return fauxElectron;
    return charger.call(this, demande, ...reste);
  };
  try {
    delete require.cache[require.resolve('../preload')];
    require('../preload');
  } finally {
    Module._load = charger;
  }
  assert.deepEqual(Object.keys(exposes), ['borne']);
  assert.deepEqual(Object.keys(exposes.borne).sort(), ['print', 'version']);
  await exposes.borne.print();
  await exposes.borne.version();
  assert.deepEqual(invoques, ['borne:print', 'borne:version']);
});
