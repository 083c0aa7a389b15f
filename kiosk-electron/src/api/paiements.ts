/** The state of one payment, read by every screen that waits for one (payer, souscrire). */
import type { ApiClient } from '../lib/api';
import type { EtatPaiement } from '../types/api';

/** Signed in (client) or not (the borne that started it, for a new souscription). */
export function lirePaiement(api: ApiClient, reference: string, auth: boolean): Promise<EtatPaiement> {
  return api.request<EtatPaiement>('GET', `/paiements/${encodeURIComponent(reference)}/`, { auth });
}
