import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../lib/api';
import type { EtatPaiement } from '../types/api';
import { lirePaiement } from '../api/paiements';

export const INTERVALLE_MS = 2000;
export const DELAI_SECONDES = 120;

export type Phase = 'attente' | 'succes' | 'echec' | 'delai';

export interface SuiviPaiement {
  phase: Phase;
  paiement: EtatPaiement | null;
  /** Seconds left before "still pending". */
  restant: number;
  /** The last check could not reach the service (we keep trying). */
  horsLigne: boolean;
  /** After "delai": wait again. */
  relancer: () => void;
}

/** Polls GET /paiements/{reference}/ every 2 s until it is no longer en_attente, for 120 s at most. */
export function useSuiviPaiement(api: ApiClient, reference: string, auth: boolean, delai = DELAI_SECONDES): SuiviPaiement {
  const [phase, setPhase] = useState<Phase>('attente');
  const [paiement, setPaiement] = useState<EtatPaiement | null>(null);
  const [restant, setRestant] = useState(delai);
  const [horsLigne, setHorsLigne] = useState(false);
  const [tour, setTour] = useState(0);

  useEffect(() => {
    let actif = true;
    let minuteur: ReturnType<typeof setTimeout>;
    const fin = Date.now() + delai * 1000;

    const decompte = setInterval(() => {
      const s = Math.max(0, Math.ceil((fin - Date.now()) / 1000));
      setRestant(s);
    }, 1000);

    async function verifier() {
      try {
        const p = await lirePaiement(api, reference, auth);
        if (!actif) return;
        setHorsLigne(false);
        setPaiement(p);
        if (p.statut === 'succes' || p.statut === 'echec') {
          setPhase(p.statut);
          clearInterval(decompte);
          return;
        }
      } catch {
        // Network down or a passing error: keep checking until the end of the wait.
        if (!actif) return;
        setHorsLigne(true);
      }
      if (Date.now() >= fin) {
        setPhase('delai');
        setRestant(0);
        clearInterval(decompte);
        return;
      }
      minuteur = setTimeout(verifier, INTERVALLE_MS);
    }

    minuteur = setTimeout(verifier, INTERVALLE_MS);
    return () => {
      actif = false;
      clearTimeout(minuteur);
      clearInterval(decompte);
    };
  }, [api, reference, auth, delai, tour]);

  const relancer = useCallback(() => {
    setPhase('attente');
    setRestant(delai);
    setTour((t) => t + 1);
  }, [delai]);

  return { phase, paiement, restant, horsLigne, relancer };
}
