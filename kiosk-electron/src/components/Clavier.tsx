import { grouperTelephone } from '../utils/format';

interface ClavierProps {
  /** Rows of keys; "⌫" is the erase key. */
  lignes: string[][];
  onTouche: (touche: string) => void;
  onEffacer: () => void;
  libelle: string;
  desactive?: boolean;
}

const EFFACER = '⌫';

/** On-screen keypad (no physical keyboard at the kiosk). */
export function Clavier({ lignes, onTouche, onEffacer, libelle, desactive = false }: ClavierProps) {
  return (
    <div className="clavier" role="group" aria-label={libelle}>
      {lignes.map((ligne, i) => (
        <div className="clavier__ligne" key={i}>
          {ligne.map((t, j) =>
            t === '' ? (
              <span className="clavier__vide" key={j} />
            ) : t === EFFACER ? (
              <button
                type="button"
                key={j}
                className="clavier__touche clavier__touche--effacer"
                onClick={onEffacer}
                disabled={desactive}
                aria-label="Effacer"
                data-testid="touche-effacer"
              >
                <span aria-hidden="true">⌫</span> Effacer
              </button>
            ) : (
              <button
                type="button"
                key={j}
                className={`clavier__touche${t === 'ESPACE' ? ' clavier__touche--espace' : ''}`}
                onClick={() => onTouche(t)}
                disabled={desactive}
                data-testid={t === 'ESPACE' ? 'touche-espace' : `touche-${t}`}
                aria-label={t === 'ESPACE' ? 'Espace' : t === '-' ? 'Tiret' : t === "'" ? 'Apostrophe' : undefined}
              >
                {t === 'ESPACE' ? 'Espace' : t}
              </button>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

export const LIGNES_CHIFFRES = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['', '0', EFFACER],
];

export const TELEPHONE_CHIFFRES = 9;

export function saisirChiffres(valeur: string, touche: string, max: number): string {
  if (!/^\d$/.test(touche) || valeur.length >= max) return valeur;
  return valeur + touche;
}

interface SaisieProps {
  valeur: string;
  onChange: (v: string) => void;
  desactive?: boolean;
}

export function ClavierChiffres({
  valeur,
  onChange,
  max,
  libelle,
  desactive,
}: SaisieProps & { max: number; libelle: string }) {
  return (
    <Clavier
      libelle={libelle}
      lignes={LIGNES_CHIFFRES}
      onTouche={(t) => onChange(saisirChiffres(valeur, t, max))}
      onEffacer={() => onChange(valeur.slice(0, -1))}
      desactive={desactive}
    />
  );
}

interface ChampProps {
  id: string;
  libelle: string;
  actif: boolean;
  onActiver: () => void;
  prefixe?: string;
  affichage: string;
  indice?: string;
  erreur?: boolean;
}

/** A display "field" filled by the on-screen keypad; tapping it makes it the active one. */
export function ChampClavier({ id, libelle, actif, onActiver, prefixe, affichage, indice, erreur }: ChampProps) {
  return (
    <div className={`champ${actif ? ' champ--actif' : ''}${erreur ? ' champ--erreur' : ''}`}>
      <span className="champ__libelle" id={`${id}-libelle`}>
        {libelle}
      </span>
      <button
        type="button"
        className="champ__valeur"
        onClick={onActiver}
        // The visible text is part of the name (WCAG 2.5.3): "Numéro de police CG-2024-VIE-001".
        aria-label={`${libelle} ${prefixe ?? ''}${affichage}`.trim()}
        aria-describedby={indice ? `${id}-indice` : undefined}
        aria-pressed={actif}
        data-testid={id}
      >
        {prefixe ? <span className="champ__prefixe">{prefixe}</span> : null}
        <span className="champ__saisie">{affichage}</span>
        {actif ? <span className="champ__curseur" aria-hidden="true" /> : null}
      </button>
      {indice ? (
        <span className="champ__indice" id={`${id}-indice`}>
          {indice}
        </span>
      ) : null}
    </div>
  );
}

export function affichageTelephone(chiffres: string): string {
  return grouperTelephone(chiffres);
}

/** Letters for names (AZERTY as on phones), with the accents and signs French names use. */
export const LIGNES_TEXTE = [
  ['A', 'Z', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
  ['Q', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', 'M'],
  ['W', 'X', 'C', 'V', 'B', 'N', 'É', 'È', 'Ç', 'Ï'],
  ['-', "'", 'ESPACE', EFFACER],
];

export const TEXTE_MAX = 40;

export function saisirTexte(valeur: string, touche: string): string {
  if (valeur.length >= TEXTE_MAX) return valeur;
  const c = touche === 'ESPACE' ? ' ' : touche;
  if ((c === ' ' || c === '-' || c === "'") && (valeur === '' || /[ '-]$/.test(valeur))) return valeur;
  return valeur + c;
}

export function ClavierTexte({ valeur, onChange, desactive, libelle }: SaisieProps & { libelle: string }) {
  return (
    <div className="clavier-texte">
      <Clavier
        libelle={libelle}
        lignes={LIGNES_TEXTE}
        onTouche={(t) => onChange(saisirTexte(valeur, t))}
        onEffacer={() => onChange(valeur.slice(0, -1))}
        desactive={desactive}
      />
    </div>
  );
}
