'use strict';
// The packaging script (electron-builder.config.js) flips the hardening fuses. Electron's binary
// is never downloaded here, so the fuses cannot be read back from a built package: this checks
// what electron-builder itself makes of the config (its schema, and the fuse wire it writes).
const test = require('node:test');
const assert = require('node:assert/strict');
const { FuseV1Options, FuseVersion } = require('@electron/fuses');
const { PlatformPackager } = require('app-builder-lib');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
const config = require('../../electron-builder.config.js');
const paquet = require('../../package.json');

const sansJournal = { isEnabled: false, add() {} };

test('electron-builder accepte la configuration (pas de clé mal écrite ignorée en silence)', async () => {
  await validateConfiguration(structuredClone(config), sansJournal);
  const fautive = structuredClone(config);
  fautive.electronFuses.runAsnode = false;
  await assert.rejects(validateConfiguration(fautive, sansJournal), /configuration\.electronFuses/);
});

test('les fusibles de durcissement sont posés dans le binaire', async () => {
  const fusibles = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
  assert.equal(fusibles.version, FuseVersion.V1);
  assert.equal(fusibles[FuseV1Options.RunAsNode], false);
  assert.equal(fusibles[FuseV1Options.EnableNodeOptionsEnvironmentVariable], false);
  assert.equal(fusibles[FuseV1Options.EnableNodeCliInspectArguments], false);
  assert.equal(fusibles[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], true);
  assert.equal(fusibles[FuseV1Options.OnlyLoadAppFromAsar], true);
  assert.equal(fusibles[FuseV1Options.EnableCookieEncryption], true);
});

test("l'application est dans une archive ASAR (sinon OnlyLoadAppFromAsar ne démarre rien)", () => {
  assert.equal(config.asar, true);
  assert.ok(config.files.includes('dist/**/*') && config.files.includes('electron/**/*'));
  assert.ok(config.files.includes('!electron/test/**'));
  // The shell require()s the rules it shares with the page: without them it would not start.
  assert.ok(config.files.includes('commun/**/*'));
});

test('le script de paquet construit la page puis utilise cette configuration', () => {
  assert.match(paquet.scripts.paquet, /npm run build && electron-builder .*--config electron-builder\.config\.js/);
  assert.match(paquet.devDependencies['electron-builder'], /^\d+\.\d+\.\d+$/, 'version épinglée');
});
