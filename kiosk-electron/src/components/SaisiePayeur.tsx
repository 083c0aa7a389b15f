import { Bouton } from './Bouton';
import { ChampClavier, ClavierChiffres, TELEPHONE_CHIFFRES } from './Clavier';
import { grouperTelephone } from '../utils/format';

export type Operateur = 'mtn_momo' | 'airtel_money';

export interface Payeur {
  /** "congo": +242 and 9 digits; "test": an MTN sandbox test number (sandbox only). */
  mode: 'congo' | 'test';
  chiffres: string;
  /** Chosen on screen; by default the operator of the number's prefix. */
  operateur?: Operateur;
}

/** The operator of a Congo number by its first two digits (the server's default map). */
export function operateurDuNumero(chiffres: string): Operateur | undefined {
  const prefixe = chiffres.slice(0, 2);
  if (prefixe === '06') return 'mtn_momo';
  if (prefixe === '05' || prefixe === '04') return 'airtel_money';
  return undefined;
}

/** What the API receives as `operateur`. */
export function operateurPayeur(p: Payeur): Operateur | undefined {
  if (p.mode === 'test') return 'mtn_momo';
  return p.operateur ?? operateurDuNumero(p.chiffres);
}

/** A French sentence when the number typed so far cannot be paid with the chosen operator. */
export function problemePayeur(p: Payeur): string | null {
  if (p.mode === 'test' || p.chiffres.length < 2) return null;
  const duNumero = operateurDuNumero(p.chiffres);
  if (!duNumero) return 'Un numéro MTN commence par 06, un numéro Airtel par 05 ou 04.';
  const choisi = operateurPayeur(p);
  if (choisi !== duNumero && p.chiffres.slice(0, 2) !== '04') {
    return duNumero === 'mtn_momo'
      ? 'Ce numéro est un numéro MTN : choisissez MTN MoMo.'
      : 'Ce numéro est un numéro Airtel : choisissez Airtel Money.';
  }
  return null;
}

const TEST_MIN = 8;
const TEST_MAX = 15;

export function payeurValide(p: Payeur): boolean {
  return p.mode === 'congo'
    ? p.chiffres.length === TELEPHONE_CHIFFRES && problemePayeur(p) === null
    : p.chiffres.length >= TEST_MIN && p.chiffres.length <= TEST_MAX;
}

const OPERATEURS: { valeur: Operateur; libelle: string }[] = [
  { valeur: 'mtn_momo', libelle: 'MTN MoMo' },
  { valeur: 'airtel_money', libelle: 'Airtel Money' },
];

/** What the API receives: "+242061234567", or the test number's digits as they are. */
export function numeroPayeur(p: Payeur): string {
  return p.mode === 'congo' ? `+242${p.chiffres}` : p.chiffres;
}

/** "+242061234567" → its 9 local digits. */
export function chiffresLocaux(telephone: string | undefined): string {
  const m = /^\+242(\d{9})$/.exec(telephone ?? '');
  return m ? m[1] : '';
}

/** The client's own number as the proposed payer, only when some operator can take it. */
export function payeurPropose(telephone: string | undefined): Payeur {
  const chiffres = chiffresLocaux(telephone);
  return { mode: 'congo', chiffres: operateurDuNumero(chiffres) ? chiffres : '' };
}

interface Props {
  valeur: Payeur;
  onChange: (p: Payeur) => void;
  sandbox: boolean;
  /** Whether the keypad is shown (one keypad on screen at a time: the parent decides). */
  clavierOuvert: boolean;
  onOuvrirClavier: () => void;
  desactive?: boolean;
}

/** The payer's operator (two large choices, pre-selected from the number) and number, checked
 *  as it is typed; test numbers only in the sandbox. */
export function SaisiePayeur({ valeur, onChange, sandbox, clavierOuvert: clavier, onOuvrirClavier: setClavier, desactive }: Props) {
  const test = valeur.mode === 'test';
  const operateur = operateurPayeur(valeur);
  const probleme = problemePayeur(valeur);

  return (
    <div className="payeur">
      <div className="bascule bascule--operateur" role="group" aria-label="Opérateur qui paie">
        {OPERATEURS.map((o) => (
          <button
            key={o.valeur}
            type="button"
            className={`bascule__choix${operateur === o.valeur ? ' bascule__choix--actif' : ''}`}
            aria-pressed={operateur === o.valeur}
            onClick={() => onChange({ ...valeur, mode: 'congo', operateur: o.valeur })}
            disabled={desactive || (test && o.valeur === 'airtel_money')}
          >
            {o.libelle}
          </button>
        ))}
      </div>
      {sandbox ? (
        <div className="bascule" role="group" aria-label="Type de numéro">
          <button
            type="button"
            className={`bascule__choix${!test ? ' bascule__choix--actif' : ''}`}
            aria-pressed={!test}
            onClick={() => onChange({ mode: 'congo', chiffres: '' })}
            disabled={desactive}
          >
            Numéro du Congo
          </button>
          <button
            type="button"
            className={`bascule__choix${test ? ' bascule__choix--actif' : ''}`}
            aria-pressed={test}
            onClick={() => {
              onChange({ mode: 'test', chiffres: '' });
              setClavier();
            }}
            disabled={desactive}
          >
            Numéro de test
          </button>
        </div>
      ) : null}
      <ChampClavier
        id="champ-payeur"
        libelle={
          test
            ? 'Numéro de test MTN (bac à sable)'
            : operateur === 'airtel_money'
              ? 'Numéro Airtel Money qui paie'
              : 'Numéro MTN Mobile Money qui paie'
        }
        prefixe={test ? undefined : '+242'}
        affichage={test ? valeur.chiffres : grouperTelephone(valeur.chiffres)}
        indice={
          test
            ? 'Chiffres seulement, exemple : 46733123451'
            : operateur === 'airtel_money'
              ? '9 chiffres, exemple : 05 123 45 67'
              : '9 chiffres, exemple : 06 123 45 67'
        }
        actif={clavier}
        onActiver={() => setClavier()}
        erreur={probleme !== null}
      />
      <p className="payeur__controle" aria-live="polite" data-testid="controle-payeur">
        {probleme ? (
          <span className="texte-erreur">
            <span aria-hidden="true">⚠ </span>
            {probleme}
          </span>
        ) : null}
      </p>
      {clavier ? (
        <ClavierChiffres
          libelle="Clavier du numéro qui paie"
          valeur={valeur.chiffres}
          onChange={(chiffres) =>
            // The operator follows the number typed, unless its prefix says nothing yet.
            onChange({ ...valeur, chiffres, operateur: operateurDuNumero(chiffres) ?? valeur.operateur })
          }
          max={test ? TEST_MAX : TELEPHONE_CHIFFRES}
          desactive={desactive}
        />
      ) : (
        <Bouton variante="secondaire" onClick={() => setClavier()} disabled={desactive}>
          Payer avec un autre numéro
        </Bouton>
      )}
    </div>
  );
}
