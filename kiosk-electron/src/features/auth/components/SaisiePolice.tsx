import { Clavier, LIGNES_CHIFFRES } from '../../../components/Clavier';

/**
 * A police is CG-<year>-<category>-<number>: the kiosk writes "CG-" and the dashes, the year
 * is one tap, the category one tap on the product's name, then the digits (CG-2024-VIE-001:
 * 5 taps). The categories are fixed by the police format itself (VIE, EPG, SAN).
 */
export const PRODUITS_POLICE = [
  { categorie: 'VIE', libelle: 'KIMIA' },
  { categorie: 'EPG', libelle: 'BATELA' },
  { categorie: 'SAN', libelle: 'SALISA' },
] as const;

/** Polices exist from this year on (the PASS range started then). */
export const PREMIERE_ANNEE = 2020;
export const NUMERO_MIN = 3;
export const NUMERO_MAX = 6;

export interface Police {
  annee: string;
  categorie: string;
  numero: string;
}

export const POLICE_VIDE: Police = { annee: '', categorie: '', numero: '' };

export type EtapePolice = 'annee' | 'produit' | 'numero';

export function etapePolice(p: Police): EtapePolice {
  if (!p.annee) return 'annee';
  if (!p.categorie) return 'produit';
  return 'numero';
}

export function policeComplete(p: Police): boolean {
  return p.annee !== '' && p.categorie !== '' && p.numero.length >= NUMERO_MIN;
}

/** "CG-2024-VIE-001"; while typing, the parts known so far. */
export function ecrirePolice(p: Police): string {
  return ['CG', p.annee, p.categorie, p.numero].filter(Boolean).join('-');
}

export function anneesPossibles(aujourdhui: Date = new Date()): string[] {
  const annees: string[] = [];
  for (let a = aujourdhui.getFullYear(); a >= PREMIERE_ANNEE; a--) annees.push(String(a));
  return annees;
}

interface Props {
  valeur: Police;
  onChange: (p: Police) => void;
  desactive?: boolean;
}

/** The keypad of the current part of the police: years, then products, then digits. */
export function ClavierPoliceGuide({ valeur, onChange, desactive }: Props) {
  const etape = etapePolice(valeur);
  if (etape === 'annee') {
    return (
      <div className="choix-police" role="group" aria-label="Année de la police">
        <p className="choix-police__consigne">1. L'année écrite sur votre police</p>
        <div className="choix-police__grille">
          {anneesPossibles().map((a) => (
            <button
              type="button"
              key={a}
              className="clavier__touche"
              onClick={() => onChange({ ...valeur, annee: a })}
              disabled={desactive}
              data-testid={`annee-${a}`}
            >
              {a}
            </button>
          ))}
        </div>
      </div>
    );
  }
  if (etape === 'produit') {
    return (
      <div className="choix-police" role="group" aria-label="Produit de la police">
        <p className="choix-police__consigne">2. Votre PASS</p>
        <div className="choix-police__grille choix-police__grille--produits">
          {PRODUITS_POLICE.map((p) => (
            <button
              type="button"
              key={p.categorie}
              className="clavier__touche"
              onClick={() => onChange({ ...valeur, categorie: p.categorie })}
              disabled={desactive}
              data-testid={`categorie-${p.categorie}`}
            >
              {p.libelle} <span className="choix-police__code">({p.categorie})</span>
            </button>
          ))}
        </div>
        <button type="button" className="bouton bouton--discret" onClick={() => onChange({ ...valeur, annee: '' })} disabled={desactive}>
          <span aria-hidden="true">←</span> Changer l'année
        </button>
      </div>
    );
  }
  return (
    <div className="choix-police">
      <p className="choix-police__consigne">3. Les chiffres à la fin de la police</p>
      <Clavier
        libelle="Clavier des chiffres de la police"
        lignes={LIGNES_CHIFFRES}
        onTouche={(t) => valeur.numero.length < NUMERO_MAX && onChange({ ...valeur, numero: valeur.numero + t })}
        // Erasing past the digits goes back to the product: nothing to retype from scratch.
        onEffacer={() =>
          onChange(valeur.numero ? { ...valeur, numero: valeur.numero.slice(0, -1) } : { ...valeur, categorie: '' })
        }
        desactive={desactive}
      />
    </div>
  );
}
