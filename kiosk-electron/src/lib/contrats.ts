/** What a contrat needs, in plain words: one main action per card, one headline per account. */
import type { ContratResume, Dashboard } from '../types/api';

/** The one main action that fits a contrat's state (null: nothing can be paid on it). */
export type Besoin = 'regulariser' | 'renouveler' | 'avance';

export function besoinDuContrat(c: ContratResume): Besoin | null {
  if (c.etat === 'resilie') return null;
  if (c.arrieres > 0) return 'regulariser';
  if (c.etat === 'expire' || (c.renouvelable && !c.prochaine_echeance)) return c.renouvelable ? 'renouveler' : null;
  return 'avance';
}

export const LIBELLES_BESOIN: Record<Besoin, string> = {
  regulariser: 'Régulariser',
  renouveler: 'Renouveler',
  avance: "Payer d'avance",
};

/**
 * Where "Payer ma prime" goes: arrears first, then an expired renewable contrat, then the
 * next échéance. Several in arrears: null, the person chooses with one tap on "Mon compte".
 */
export function contratPrioritaire(contrats: ContratResume[]): ContratResume | null {
  const enRetard = contrats.filter((c) => besoinDuContrat(c) === 'regulariser');
  if (enRetard.length > 1) return null;
  if (enRetard.length === 1) return enRetard[0];
  const aRenouveler = contrats.find((c) => besoinDuContrat(c) === 'renouveler');
  if (aRenouveler) return aRenouveler;
  const payables = contrats
    .filter((c) => besoinDuContrat(c) === 'avance')
    .sort((a, b) => (a.prochaine_echeance?.date ?? '9999').localeCompare(b.prochaine_echeance?.date ?? '9999'));
  return payables[0] ?? null;
}

/** The headline: arrears are never netted against an advance on another contrat. */
export type Situation = { etat: 'a_regulariser'; montant: number } | { etat: 'a_jour'; avance: number };

export function situationDuCompte(d: Pick<Dashboard, 'arrieres' | 'avance'>): Situation {
  return d.arrieres > 0 ? { etat: 'a_regulariser', montant: d.arrieres } : { etat: 'a_jour', avance: d.avance };
}
