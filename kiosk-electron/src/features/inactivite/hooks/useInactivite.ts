import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const EVENEMENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

interface Options {
  actif: boolean;
  delaiSecondes: number;
  compteAReboursSecondes: number;
  onExpire: () => void;
}

/**
 * No touch for `delaiSecondes` → `alerte` with a countdown of `compteAReboursSecondes`;
 * at zero `onExpire()`. Any touch before the end starts the wait again.
 */
export function useInactivite({ actif, delaiSecondes, compteAReboursSecondes, onExpire }: Options) {
  const [alerte, setAlerte] = useState(false);
  const [restant, setRestant] = useState(compteAReboursSecondes);
  const [tour, setTour] = useState(0);
  const expireRef = useRef(onExpire);
  useLayoutEffect(() => {
    expireRef.current = onExpire;
  });
  // Signed out (or back to Accueil): no alert left over for the next person.
  const [actifVu, setActifVu] = useState(actif);
  if (actif !== actifVu) {
    setActifVu(actif);
    if (!actif) {
      setAlerte(false);
      setRestant(compteAReboursSecondes);
    }
  }

  const continuer = useCallback(() => {
    setAlerte(false);
    setRestant(compteAReboursSecondes);
    setTour((t) => t + 1);
  }, [compteAReboursSecondes]);

  // Waiting for a touch.
  useEffect(() => {
    if (!actif || alerte) return;
    let minuteur = setTimeout(() => setAlerte(true), delaiSecondes * 1000);
    const activite = () => {
      clearTimeout(minuteur);
      minuteur = setTimeout(() => setAlerte(true), delaiSecondes * 1000);
    };
    for (const ev of EVENEMENTS) window.addEventListener(ev, activite, { capture: true, passive: true });
    return () => {
      clearTimeout(minuteur);
      for (const ev of EVENEMENTS) window.removeEventListener(ev, activite, { capture: true });
    };
  }, [actif, alerte, delaiSecondes, tour]);

  // Counting down; the last second ends the session.
  useEffect(() => {
    if (!actif || !alerte) return;
    const id = setTimeout(() => {
      if (restant > 1) {
        setRestant((r) => r - 1);
        return;
      }
      setAlerte(false);
      setRestant(compteAReboursSecondes);
      expireRef.current();
    }, 1000);
    return () => clearTimeout(id);
  }, [actif, alerte, restant, compteAReboursSecondes]);

  return { alerte, restant, continuer };
}
