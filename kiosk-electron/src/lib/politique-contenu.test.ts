// @vitest-environment node
import { readFileSync } from 'node:fs';
import type { IndexHtmlTransformHook } from 'vite';
import { politiqueContenu } from '../../commun/politique-contenu.js';
import { csp } from '../../vite.config';

// The built page's meta tag is the shared policy (the Electron shell sends the same one, with
// the API origin, as a header: electron/test/protocol.test.js).
describe('the CSP of the built page', () => {
  it('is commun/politique-contenu.js, written in the meta tag of index.html', () => {
    const html = readFileSync('index.html', 'utf8');
    const transformer = csp().transformIndexHtml as IndexHtmlTransformHook;
    const construit = transformer.call({} as never, html, {} as never) as string;
    expect(construit).toContain(`<meta http-equiv="Content-Security-Policy" content="${politiqueContenu()}" />`);
  });
});
