import { useEffect, useRef } from 'react';
import { dansLaBorne, imprimer } from '../lib/impression';

/**
 * Prints the screen once, as soon as it shows (a confirmation the person must keep). Only in
 * the kiosk, whose printer is silent; a plain browser keeps its "Imprimer" button.
 */
export function useImpressionImmediate(): boolean {
  const fait = useRef(false);
  const borne = dansLaBorne();
  useEffect(() => {
    if (fait.current || !borne) return;
    // After the paint: the printout shows the confirmation, not the screen before it.
    const id = setTimeout(() => {
      fait.current = true;
      void imprimer();
    }, 300);
    return () => clearTimeout(id);
  }, [borne]);
  return borne;
}
