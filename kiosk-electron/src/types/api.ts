/**
 * Shapes of the API answers the kiosk reads: names for the types generated from the API's
 * OpenAPI schema (src/api/schema.d.ts, `npm run api:types`; scripts/test.sh fails if it is not
 * what the API describes today). Nothing here is written by hand.
 */
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type Etat = Schemas['EtatEnum'];
export type Periodicite = Schemas['PeriodiciteEnum'];
export type StatutCotisation = Schemas['StatutCotisationEnum'];
export type StatutPaiement = Schemas['StatutPaiementEnum'];

export type Garantie = Schemas['Garantie'];
export type Produit = Schemas['Produit'];
export type ClientResume = Schemas['ClientCourt'];
export type Echeance = Schemas['Echeance'];
export type ContratResume = Schemas['ContratResume'];
export type Dashboard = Schemas['TableauDeBordOutput'];
export type Cotisation = Schemas['Cotisation'];
export type Paiement = Schemas['Paiement'];
export type Beneficiaire = Schemas['Beneficiaire'];
export type Sinistre = Schemas['Sinistre'];
export type ContratDetail = Schemas['ContratDetailOutput'];
/** GET /paiements/{reference}/ */
export type EtatPaiement = Schemas['Paiement'];
/** POST /contrats/{police}/paiements/ */
export type PaiementInitie = Schemas['PaiementInitierOutput'];
