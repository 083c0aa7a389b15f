/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { politiqueContenu } from './commun/politique-contenu.js';

/**
 * The built page carries the kiosk's Content-Security-Policy in a meta tag (not in dev: React
 * refresh needs an inline script). One policy for the page and the Electron shell, which lets
 * the page call the API origin when it serves it: commun/politique-contenu.js.
 */
export function csp(): Plugin {
  return {
    name: 'borne-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${politiqueContenu()}" />`,
      );
    },
  };
}

/**
 * commun/ is CommonJS (Electron's main process require()s it). The build converts it like a
 * dependency (build.commonjsOptions); the dev server serves source files as they are, so there
 * it gets the few lines that make it an ES module exporting what it exports in Node.
 */
function communEnModuleEs(): Plugin {
  const exiger = createRequire(import.meta.url);
  return {
    name: 'borne-commun-es',
    apply: 'serve',
    transform(code, id) {
      if (!/[/\\]commun[/\\][^/\\]+\.js$/.test(id)) return undefined;
      const noms = Object.keys(exiger(id)).join(', ');
      return `const commun = (() => {\nconst module = { exports: {} };\n${code}\nreturn module.exports;\n})();\nexport const { ${noms} } = commun;\n`;
    },
  };
}

// The same build is served by the API at /borne/ and bundled by Electron (app://borne/borne/).
export default defineConfig({
  base: '/borne/',
  plugins: [react(), csp(), communEnModuleEs()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // commun/ is CommonJS (Electron's main process requires it): converted like a dependency.
    commonjsOptions: { include: [/node_modules/, /commun\//] },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8000',
      '/health': 'http://127.0.0.1:8000',
      '/borne/config.json': 'http://127.0.0.1:8000',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // The unit tests exercise the test knobs; `npm run build` alone compiles them out.
    env: { VITE_REGLAGES_TEST: '1' },
  },
});
