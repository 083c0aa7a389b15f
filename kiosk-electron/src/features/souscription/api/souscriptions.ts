import type { ApiClient } from '../../../lib/api';
import type { Periodicite, StatutPaiement } from '../../../types/api';

export interface BeneficiaireSaisi {
  nom: string;
  prenom: string;
  lien: string;
  date_naissance?: string;
  telephone?: string;
  part_pourcentage?: number;
}

export interface DemandeSouscription {
  client: { nom: string; prenom: string; telephone: string; date_naissance?: string; adresse?: string; ville?: string };
  produit: string;
  montant_prime: number;
  periodicite: Periodicite;
  beneficiaires: BeneficiaireSaisi[];
  numero_payeur: string;
  operateur?: 'mtn_momo' | 'airtel_money';
  /** When a relative pays: the code proof of the subscriber's telephone. */
  code_preuve?: string;
}

export interface SouscriptionCreee {
  souscription: {
    numero_souscription: string;
    statut: string;
    produit: string | { code: string; libelle: string };
    montant_prime: number;
    periodicite: Periodicite;
    montant_echeance: number;
  };
  paiement: { reference: string; statut: StatutPaiement; montant: number };
}

/** No sign-in: the borne's headers; one Idempotency-Key per subscription intent. */
export function creerSouscription(api: ApiClient, demande: DemandeSouscription, cleIdempotence: string): Promise<SouscriptionCreee> {
  return api.request<SouscriptionCreee>('POST', '/souscriptions/', { body: demande, idempotencyKey: cleIdempotence });
}

/** After a refused first payment: a new attempt on the same souscription (no second PASS). */
export function relancerPremierPaiement(
  api: ApiClient,
  numeroSouscription: string,
  numeroPayeur: string,
  cleIdempotence: string,
  operateur?: 'mtn_momo' | 'airtel_money',
  codePreuve?: string,
): Promise<SouscriptionCreee> {
  return api.request<SouscriptionCreee>('POST', `/souscriptions/${encodeURIComponent(numeroSouscription)}/paiement/`, {
    body: { numero_payeur: numeroPayeur, operateur, code_preuve: codePreuve },
    idempotencyKey: cleIdempotence,
  });
}
