import { render } from '@testing-library/react';
import { App } from '../app/App';
import type { Config } from '../lib/config';
import type { ContratDetail, ContratResume, Dashboard } from '../types/api';

export const config: Config = {
  apiBaseUrl: '',
  borneId: 'BZV-DEMO-01',
  borneKey: 'cle-demo',
  agence: 'Agence de Brazzaville – Centre-ville',
  inactivitySeconds: 270,
  inactivityCountdownSeconds: 30,
  sandbox: true,
};

/** Amounts are written with no-break spaces: compare on ordinary spaces. */
export const espaces = (t: string | null | undefined) => (t ?? '').replace(/[\u00a0\u202f]/g, ' ');

export const json = (corps: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(corps), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

type Gestionnaire = (init: RequestInit & { url: string }) => Response | Promise<Response>;

/** A fake network at the fetch boundary: "METHOD /path" (without /api/v1 and query) → answer. */
export function fauxReseau(routes: Record<string, Gestionnaire | Response | unknown>) {
  const appels: { method: string; path: string; url: string; init: RequestInit }[] = [];
  const f = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/api\/v1/, '').split('?')[0];
    const method = (init.method ?? 'GET').toUpperCase();
    appels.push({ method, path, url, init });
    const route = routes[`${method} ${path}`];
    if (route === undefined) return json({ code: 'introuvable', message: 'Introuvable.' }, 404);
    if (typeof route === 'function') return (route as Gestionnaire)({ ...init, url });
    if (route instanceof Response) return route.clone();
    return json(route);
  });
  vi.stubGlobal('fetch', f);
  return { fetch: f, appels, corps: (i: number) => JSON.parse(String(appels[i].init.body)) };
}

export function rendreApp(c: Partial<Config> = {}) {
  return render(<App config={{ ...config, ...c }} />);
}

export const client = { id: 1, nom: 'KONGO', prenom: 'Jean Baptiste', telephone: '+242061234567' };

export const connexionOk = {
  access: 'ACCESS',
  refresh: 'REFRESH',
  expires_in: 1800,
  client,
  police: 'CG-2024-VIE-001',
};

export const kimia: ContratResume = {
  numero_police: 'CG-2024-VIE-001',
  numero_souscription: 'PASS-KIMIA-2024-000001',
  produit: { code: 'KIMIA', libelle: 'PASS KIMIA' },
  etat: 'actif',
  montant_prime: 5000,
  periodicite: 'trimestrielle',
  date_effet: '2024-03-01',
  date_expiration: '2025-02-28',
  total_paye: 3750,
  total_du_a_date: 3750,
  solde: 0,
  arrieres: 0,
  prochaine_echeance: { date: '2024-12-01', montant: 1250 },
  renouvelable: false,
  montant_echeance: 1250,
};

export const batela: ContratResume = {
  ...kimia,
  numero_police: 'CG-2024-EPG-001',
  numero_souscription: 'PASS-BATELA-2024-000002',
  produit: { code: 'BATELA', libelle: 'PASS BATELA' },
  montant_prime: 60000,
  periodicite: 'mensuelle',
  total_paye: 40000,
  total_du_a_date: 50000,
  solde: -10000,
  arrieres: 10000,
  prochaine_echeance: { date: '2024-11-01', montant: 5000 },
  montant_echeance: 5000,
};

export const dashboard: Dashboard = {
  client,
  solde_global: -10000,
  total_paye: 43750,
  arrieres: 10000,
  avance: 0,
  nombre_contrats: 2,
  prochaine_echeance: { police: 'CG-2024-EPG-001', date: '2024-11-01', montant: 5000 },
  contrats: [kimia, batela],
};

export function detail(c: ContratResume): ContratDetail {
  return {
    ...c,
    garanties: [{ code: 'accident', libelle: 'Décès ou invalidité accidentels', plafond_fcfa: 500000, description: 'Un capital.' }],
    beneficiaires: [
      { id: 1, nom: 'KONGO', prenom: 'Marie', lien: 'conjoint', date_naissance: null, telephone: null, part_pourcentage: null },
    ],
    cotisations: [
      { numero_police: c.numero_police, numero_quittance: `${c.numero_police}-001`, rang: 1, date_debut: '2024-03-01', date_fin: '2024-05-31', montant_du: 1250, montant_paye: 1250, reste_a_payer: 0, statut: 'payee' },
      { numero_police: c.numero_police, numero_quittance: `${c.numero_police}-002`, rang: 2, date_debut: '2024-06-01', date_fin: '2024-08-31', montant_du: 1250, montant_paye: 0, reste_a_payer: 1250, statut: 'en_retard' },
      { numero_police: c.numero_police, numero_quittance: `${c.numero_police}-003`, rang: 3, date_debut: '2024-09-01', date_fin: '2024-11-30', montant_du: 1250, montant_paye: 0, reste_a_payer: 1250, statut: 'a_venir' },
    ],
    paiements: [],
    sinistres: [],
    types_sinistre_couverts: ['deces', 'accident', 'invalidite'],
  };
}

import { fireEvent, screen } from '@testing-library/react';

export function taper(texte: string) {
  for (const c of texte) fireEvent.click(screen.getByTestId(`touche-${c}`));
}

/** "2024-VIE-001": a tap on the year, a tap on the product, then the digits. */
export function taperPolice(police: string) {
  const [annee, categorie, numero] = police.split('-');
  fireEvent.click(screen.getByTestId(`annee-${annee}`));
  fireEvent.click(screen.getByTestId(`categorie-${categorie}`));
  taper(numero);
}

/** From Accueil: "Consulter mon compte" (or "Payer ma prime"), police and telephone, Valider. */
export function seConnecterUI(police = '2024-VIE-001', telephone = '061234567', choix = /Consulter mon compte/) {
  fireEvent.click(screen.getByRole('button', { name: choix }));
  taperPolice(police);
  fireEvent.click(screen.getByTestId('suivant-telephone'));
  taper(telephone);
  fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
}
