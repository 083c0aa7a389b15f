import { ETATS, STATUTS_COTISATION, STATUTS_PAIEMENT, libelle } from '../utils/format';

type Ton = 'ok' | 'alerte' | 'attente' | 'neutre';

const ICONES: Record<Ton, string> = { ok: '✓', alerte: '!', attente: '…', neutre: '•' };

/** A status: a colour AND an icon AND a word (never colour alone). */
export function Pastille({ ton, children }: { ton: Ton; children: string }) {
  return (
    <span className={`pastille pastille--${ton}`}>
      <span className="pastille__icone" aria-hidden="true">
        {ICONES[ton]}
      </span>
      {children}
    </span>
  );
}

const TON_ETAT: Record<string, Ton> = { actif: 'ok', expire: 'alerte', suspendu: 'attente', resilie: 'neutre' };
const TON_COTISATION: Record<string, Ton> = { payee: 'ok', en_retard: 'alerte', a_venir: 'neutre' };
const TON_PAIEMENT: Record<string, Ton> = { succes: 'ok', echec: 'alerte', en_attente: 'attente' };

export const PastilleEtat = ({ etat }: { etat: string }) => (
  <Pastille ton={TON_ETAT[etat] ?? 'neutre'}>{libelle(ETATS, etat)}</Pastille>
);
export const PastilleCotisation = ({ statut }: { statut: string }) => (
  <Pastille ton={TON_COTISATION[statut] ?? 'neutre'}>{libelle(STATUTS_COTISATION, statut)}</Pastille>
);
export const PastillePaiement = ({ statut }: { statut: string }) => (
  <Pastille ton={TON_PAIEMENT[statut] ?? 'neutre'}>{libelle(STATUTS_PAIEMENT, statut)}</Pastille>
);
