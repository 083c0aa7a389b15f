'use strict';
/**
 * Packaging of the borne (electron-builder, `npm run paquet` on a build machine: it downloads
 * Electron there, never on a development or CI machine). The app goes into an ASAR archive and
 * Electron's fuses are flipped in the binary, so that a packaged borne cannot be turned into a
 * Node.js runtime or a debugger target, nor run code from outside its archive.
 */
module.exports = {
  appId: 'cg.nsia.pass.borne',
  productName: 'nsia-pass-borne',
  directories: { output: 'out' },
  // The shell, the rules it shares with the page (commun/) and the web build only: no sources,
  // tests or development files.
  files: ['package.json', 'electron/**/*', 'commun/**/*', '!electron/test/**', 'dist/**/*'],
  asar: true,
  // No native module: nothing to rebuild against Electron's Node.js.
  npmRebuild: false,
  linux: { target: ['dir'], executableName: 'nsia-pass-borne', category: 'Utility' },
  electronFuses: {
    // ELECTRON_RUN_AS_NODE=1 would make the binary a plain Node.js runtime.
    runAsNode: false,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS from the environment are ignored.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect, --inspect-brk and SIGUSR1 do not open a debugger on the main process.
    enableNodeCliInspectArguments: false,
    // The archive's hash is checked at start (where Electron supports it: macOS and Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Only the app in app.asar runs: an app/ folder dropped next to it is ignored.
    onlyLoadAppFromAsar: true,
    // Cookies on disk are encrypted with the OS keys (the borne keeps none: in-memory session).
    enableCookieEncryption: true,
  },
};
