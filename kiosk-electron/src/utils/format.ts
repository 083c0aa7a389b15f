/** French formatting for the kiosk: `5 000 FCFA`, `01/03/2024`, `06 123 45 67`. */

/** Narrow no-break space (U+202F), the French thousands separator: never breaks before "FCFA". */
export const NBSP = '\u202f';

export function grouperMilliers(n: number): string {
  const chiffres = String(Math.trunc(Math.abs(n)));
  return chiffres.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** 5000 → "5 000 FCFA"; -1250 → "-1 250 FCFA". */
export function formatMontant(n: number): string {
  return `${n < 0 ? '-' : ''}${grouperMilliers(n)}${NBSP}FCFA`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2024-03-01" or "2024-03-01T10:05:00+01:00" → "01/03/2024" (the date as the server wrote it). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = ISO_DATE.exec(iso);
  if (!m) return '—';
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "2024-03-01T10:05:00+01:00" → "01/03/2024 à 10h05". */
export function formatDateHeure(iso: string | null | undefined): string {
  if (!iso) return '—';
  const jour = formatDate(iso);
  const h = /T(\d{2}):(\d{2})/.exec(iso);
  return h ? `${jour} à ${h[1]}h${h[2]}` : jour;
}

/** Digits typed so far (up to 9) grouped like a Congo number: "061234567" → "06 123 45 67". */
export function grouperTelephone(chiffres: string): string {
  const d = chiffres.replace(/\D/g, '').slice(0, 9);
  const parts = [d.slice(0, 2), d.slice(2, 5), d.slice(5, 7), d.slice(7, 9)];
  return parts.filter(Boolean).join(' ');
}

/** "+242061234567" → "+242 06 123 45 67"; anything else unchanged. */
export function formatTelephone(tel: string | null | undefined): string {
  if (!tel) return '—';
  const m = /^\+242(\d{9})$/.exec(tel);
  return m ? `+242 ${grouperTelephone(m[1])}` : tel;
}

/** The 9 local digits → canonical "+242061234567". */
export function telephoneCanonique(chiffres: string): string {
  return `+242${chiffres}`;
}

export function formatHeure(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

const JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MOIS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** "lundi 4 mars 2024" */
export function formatJourLong(d: Date): string {
  return `${JOURS[d.getDay()]} ${d.getDate()} ${MOIS[d.getMonth()]} ${d.getFullYear()}`;
}

/** 125 → "2 min 05 s"; 45 → "45 s"; 900 → "15 min". */
export function formatDuree(secondes: number): string {
  const s = Math.max(0, Math.ceil(secondes));
  const min = Math.floor(s / 60);
  const reste = s % 60;
  if (min === 0) return `${reste} s`;
  if (reste === 0) return `${min} min`;
  return `${min} min ${String(reste).padStart(2, '0')} s`;
}

export const ETATS: Record<string, string> = {
  actif: 'Actif',
  expire: 'Expiré',
  suspendu: 'Suspendu',
  resilie: 'Résilié',
};

export const STATUTS_COTISATION: Record<string, string> = {
  payee: 'payée',
  en_retard: 'en retard',
  a_venir: 'à venir',
};

export const STATUTS_PAIEMENT: Record<string, string> = {
  en_attente: 'en attente',
  succes: 'réussi',
  echec: 'échoué',
};

export const PERIODICITES: Record<string, string> = {
  annuelle: 'Annuelle',
  semestrielle: 'Semestrielle',
  trimestrielle: 'Trimestrielle',
  mensuelle: 'Mensuelle',
};

/** Échéances per year. */
export const ECHEANCES_PAR_AN: Record<string, number> = {
  annuelle: 1,
  semestrielle: 2,
  trimestrielle: 4,
  mensuelle: 12,
};

export const PERIODES: Record<string, string> = {
  annuelle: 'par an',
  semestrielle: 'par semestre',
  trimestrielle: 'par trimestre',
  mensuelle: 'par mois',
};

export const LIENS: Record<string, string> = {
  conjoint: 'Conjoint(e)',
  enfant: 'Enfant',
  parent: 'Parent',
  frere_soeur: 'Frère ou sœur',
  autre: 'Autre',
};

export const TYPES_PAIEMENT: Record<string, string> = {
  souscription_initiale: 'Première cotisation',
  cotisation: 'Cotisation',
  renouvellement: 'Renouvellement',
  rattrapage: 'Retard payé (rattrapage)',
};

export const MODES_PAIEMENT: Record<string, string> = {
  mtn_momo: 'MTN Mobile Money',
  airtel_money: 'Airtel Money',
  especes: 'Espèces',
};

export const TYPES_SINISTRE: Record<string, string> = {
  deces: 'Décès',
  accident: 'Accident',
  hospitalisation: 'Hospitalisation',
  invalidite: 'Invalidité',
  autre: 'Autre',
};

export function libelle(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '—';
  return table[code] ?? code;
}

/** Échéance amount shown while subscribing: floor(prime / n) (the last one of a year carries the rest). */
export function montantEcheance(montantPrime: number, periodicite: string): number {
  const n = ECHEANCES_PAR_AN[periodicite] ?? 1;
  return Math.floor(montantPrime / n);
}
