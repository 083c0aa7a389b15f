/**
 * The kiosk's state: which screen is shown (a tiny state machine instead of a URL router)
 * and who is signed in. Memory only: nothing is ever written to any storage.
 */
import { createContext, useContext } from 'react';
import type { ApiClient } from '../lib/api';
import type { Config } from '../lib/config';
import type { Besoin } from '../lib/contrats';
import type { ClientResume } from '../types/api';

export type Ecran =
  | { nom: 'accueil' }
  | { nom: 'connexion'; apres: 'compte' | 'payer' }
  | { nom: 'tableau' }
  | { nom: 'contrat'; police: string }
  | { nom: 'payer-choix' }
  | { nom: 'payer'; police: string; besoin?: Besoin }
  | { nom: 'sinistre'; police: string }
  | { nom: 'beneficiaires'; police: string }
  | { nom: 'releve' }
  | { nom: 'souscrire'; produit?: string }
  | { nom: 'produits' };

export interface SessionClient {
  client: ClientResume;
  /** The police used to sign in (the path of the client's endpoints). */
  police: string;
}

export interface Borne {
  config: Config;
  api: ApiClient;
  ecran: Ecran;
  session: SessionClient | null;
  naviguer: (ecran: Ecran) => void;
  /** Signed in: keeps the client in memory and shows `suite`. */
  connecter: (session: SessionClient, suite: Ecran) => void;
  /** Sign out, forget everything, back to Accueil. */
  terminer: () => void;
  /** The API is unreachable: show the calm retry screen. */
  signalerIndisponible: () => void;
  /** A short notice shown on Accueil (e.g. the session expired), cleared on the next screen. */
  avis: string | null;
}

export const BorneContext = createContext<Borne | null>(null);

export function useBorne(): Borne {
  const b = useContext(BorneContext);
  if (!b) throw new Error('useBorne hors de BorneContext');
  return b;
}
