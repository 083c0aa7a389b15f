import type { ApiClient } from '../../../lib/api';
import type { PaiementInitie } from '../../../types/api';

export interface DemandePaiement {
  montant: number;
  numero_payeur?: string;
  operateur?: 'mtn_momo' | 'airtel_money';
  renouvellement?: true;
}

/** One payment intent = one Idempotency-Key: the server starts one payment only. */
export function initierPaiement(
  api: ApiClient,
  police: string,
  demande: DemandePaiement,
  cleIdempotence: string,
): Promise<PaiementInitie> {
  return api.request<PaiementInitie>('POST', `/contrats/${encodeURIComponent(police)}/paiements/`, {
    auth: true,
    body: demande,
    idempotencyKey: cleIdempotence,
  });
}
