/** Printing: the Electron shell's silent print when present, else the browser's dialog. */

interface BornePreload {
  print: () => Promise<unknown> | void;
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

/** Prints the page (or the given frame in a plain browser). */
export async function imprimer(cadre?: HTMLIFrameElement | null): Promise<void> {
  if (dansLaBorne()) {
    await window.borne!.print();
    return;
  }
  const fenetre = cadre?.contentWindow;
  if (fenetre) {
    fenetre.focus();
    fenetre.print();
    return;
  }
  window.print();
}
