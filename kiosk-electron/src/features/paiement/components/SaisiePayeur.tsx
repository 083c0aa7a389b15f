import { Bouton } from '../../../components/Bouton';
import { ChampClavier, ClavierChiffres, TELEPHONE_CHIFFRES } from '../../../components/Clavier';
import { grouperTelephone } from '../../../utils/format';

export interface Payeur {
  /** "congo": +242 and 9 digits; "test": an MTN sandbox test number (sandbox only). */
  mode: 'congo' | 'test';
  chiffres: string;
}

const TEST_MIN = 8;
const TEST_MAX = 15;

/** Mobile Money by MTN only for now: MTN Congo numbers start with 06. */
const PREFIXE_MTN = '06';

/** What is wrong with the number as typed so far (null: nothing, or not typed far enough). */
export function problemePayeur(p: Payeur): string | null {
  if (p.mode !== 'congo' || p.chiffres.length < 2) return null;
  return p.chiffres.startsWith(PREFIXE_MTN)
    ? null
    : "Ce numéro n'est pas un numéro MTN Mobile Money : il doit commencer par 06.";
}

export function payeurValide(p: Payeur): boolean {
  return p.mode === 'congo'
    ? p.chiffres.length === TELEPHONE_CHIFFRES && problemePayeur(p) === null
    : p.chiffres.length >= TEST_MIN && p.chiffres.length <= TEST_MAX;
}

/** What the API receives: "+242061234567", or the test number's digits as they are. */
export function numeroPayeur(p: Payeur): string {
  return p.mode === 'congo' ? `+242${p.chiffres}` : p.chiffres;
}

/** "+242061234567" → its 9 local digits. */
export function chiffresLocaux(telephone: string | undefined): string {
  const m = /^\+242(\d{9})$/.exec(telephone ?? '');
  return m ? m[1] : '';
}

/** The client's own number as the proposed payer, only when it can pay (an MTN number). */
export function payeurPropose(telephone: string | undefined): Payeur {
  const chiffres = chiffresLocaux(telephone);
  return { mode: 'congo', chiffres: chiffres.startsWith(PREFIXE_MTN) ? chiffres : '' };
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

/** The MoMo payer's number: shown, changeable on a keypad; test numbers only in the sandbox. */
export function SaisiePayeur({ valeur, onChange, sandbox, clavierOuvert: clavier, onOuvrirClavier: setClavier, desactive }: Props) {
  const test = valeur.mode === 'test';
  const probleme = problemePayeur(valeur);

  return (
    <div className="payeur">
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
        libelle={test ? 'Numéro de test MTN (bac à sable)' : 'Numéro MTN Mobile Money qui paie'}
        prefixe={test ? undefined : '+242'}
        affichage={test ? valeur.chiffres : grouperTelephone(valeur.chiffres)}
        indice={test ? 'Chiffres seulement, exemple : 46733123451' : '9 chiffres, exemple : 06 123 45 67'}
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
          onChange={(chiffres) => onChange({ ...valeur, chiffres })}
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
