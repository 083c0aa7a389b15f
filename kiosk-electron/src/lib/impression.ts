/** Printing: the Electron shell's silent print when present, else the browser's dialog. */

interface BornePreload {
  /** Without argument: prints the page (receipt). With a PDF: prints that document (statement). */
  print: (pdf?: ArrayBuffer) => Promise<unknown> | void;
  version: () => string | Promise<string>;
}

declare global {
  interface Window {
    borne?: BornePreload;
  }
}

export function dansLaBorne(): boolean {
  return typeof window !== 'undefined' && typeof window.borne?.print === 'function';
}

/**
 * In the kiosk: silent print of the PDF (if given) or of the page.
 * In a browser: the print dialog of the frame showing the PDF, or of the page.
 */
export async function imprimer(options: { cadre?: HTMLIFrameElement | null; pdf?: Blob | null } = {}): Promise<void> {
  if (dansLaBorne()) {
    const octets = options.pdf ? await options.pdf.arrayBuffer() : undefined;
    await window.borne!.print(octets);
    return;
  }
  const fenetre = options.cadre?.contentWindow;
  if (fenetre) {
    fenetre.focus();
    fenetre.print();
    return;
  }
  window.print();
}
