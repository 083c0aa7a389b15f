/** Shapes of the API answers the kiosk reads (spec/api.md). */

export type Etat = 'actif' | 'expire' | 'suspendu' | 'resilie';
export type Periodicite = 'annuelle' | 'semestrielle' | 'trimestrielle' | 'mensuelle';
export type StatutCotisation = 'payee' | 'en_retard' | 'a_venir';
export type StatutPaiement = 'en_attente' | 'succes' | 'echec';

export interface Garantie {
  code: string;
  libelle: string;
  plafond_fcfa: number | null;
  description: string;
}

export interface Produit {
  code: string;
  libelle: string;
  description: string;
  categorie: string;
  garanties: Garantie[];
  montant_minimum: number;
  periodicites_autorisees: Periodicite[];
  duree_couverture_mois: number;
}

export interface ClientResume {
  id: number;
  nom: string;
  prenom: string;
  telephone: string;
}

export interface Echeance {
  date: string;
  montant: number;
}

export interface ContratResume {
  numero_police: string;
  numero_souscription: string;
  produit: { code: string; libelle: string };
  etat: Etat;
  montant_prime: number;
  periodicite: Periodicite;
  date_effet: string;
  date_expiration: string;
  total_paye: number;
  total_du_a_date: number;
  solde: number;
  arrieres: number;
  prochaine_echeance: Echeance | null;
  renouvelable: boolean;
  montant_echeance: number;
}

export interface Dashboard {
  client: ClientResume;
  solde_global: number;
  total_paye: number;
  arrieres: number;
  avance: number;
  nombre_contrats: number;
  prochaine_echeance: (Echeance & { police: string }) | null;
  contrats: ContratResume[];
}

export interface Cotisation {
  numero_police: string;
  numero_quittance: string;
  rang: number;
  date_debut: string;
  date_fin: string;
  montant_du: number;
  montant_paye: number;
  reste_a_payer: number;
  statut: StatutCotisation;
}

export interface Paiement {
  reference: string;
  numero_police: string | null;
  numero_souscription: string;
  montant: number;
  type_paiement: string;
  mode_paiement: string;
  statut: StatutPaiement;
  motif_echec: string | null;
  date_initiation: string;
  date_confirmation: string | null;
}

export interface Beneficiaire {
  id: number;
  nom: string;
  prenom: string;
  lien: string;
  date_naissance: string | null;
  telephone: string | null;
  part_pourcentage: number | null;
}

export interface Sinistre {
  id: number;
  type: string;
  date_survenance: string;
  description: string;
  montant_reclame: number | null;
  montant_accorde: number | null;
  statut: string;
  date_declaration: string;
}

export interface ContratDetail extends ContratResume {
  garanties: Garantie[];
  beneficiaires: Beneficiaire[];
  cotisations: Cotisation[];
  paiements: Paiement[];
  sinistres: Sinistre[];
  types_sinistre_couverts: string[];
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface EtatPaiement {
  reference: string;
  statut: StatutPaiement;
  motif_echec: string | null;
  montant: number;
  type_paiement: string;
  numero_police: string | null;
  numero_souscription: string;
  date_confirmation: string | null;
}

export interface PaiementInitie {
  reference: string;
  statut: StatutPaiement;
  type_paiement?: string;
  montant: number;
}
