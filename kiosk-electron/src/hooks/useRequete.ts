import { useCallback, useEffect, useRef, useState } from 'react';
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
  chargerRef.current = charger;

  useEffect(() => {
    let actif = true;
    setEtat((e) => ({ ...e, chargement: true, erreur: null }));
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
