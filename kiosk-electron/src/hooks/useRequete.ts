import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { estIndisponible } from '../lib/api';
import { useBorne } from '../stores/borne';

interface Requete<T> {
  donnees: T | null;
  erreur: unknown;
  chargement: boolean;
  recharger: () => void;
}

/**
 * Loads data when a screen opens. Network loss switches to the calm "indisponible" screen
 * (which retries by itself and then reopens this screen); other errors are returned.
 */
export function useRequete<T>(charger: () => Promise<T>, cles: unknown[]): Requete<T> {
  const { signalerIndisponible } = useBorne();
  const [etat, setEtat] = useState<{ donnees: T | null; erreur: unknown; chargement: boolean }>({
    donnees: null,
    erreur: null,
    chargement: true,
  });
  const [tour, setTour] = useState(0);
  const chargerRef = useRef(charger);
  useLayoutEffect(() => {
    chargerRef.current = charger;
  });

  // New keys (or "recharger"): loading again, decided while rendering (React's pattern for state
  // that follows a change of props) rather than by a second render from the effect.
  const demande = [...cles, tour];
  const [demandeVue, setDemandeVue] = useState(demande);
  if (demande.length !== demandeVue.length || demande.some((v, i) => !Object.is(v, demandeVue[i]))) {
    setDemandeVue(demande);
    setEtat((e) => ({ ...e, chargement: true, erreur: null }));
  }

  useEffect(() => {
    let actif = true;
    chargerRef.current().then(
      (donnees) => actif && setEtat({ donnees, erreur: null, chargement: false }),
      (erreur) => {
        if (!actif) return;
        if (estIndisponible(erreur)) signalerIndisponible();
        setEtat({ donnees: null, erreur, chargement: false });
      },
    );
    return () => {
      actif = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...cles, tour]);

  const recharger = useCallback(() => setTour((t) => t + 1), []);
  return { ...etat, recharger };
}
