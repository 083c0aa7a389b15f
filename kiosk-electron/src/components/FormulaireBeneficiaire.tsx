import { useState } from 'react';
import { ChampClavier, ClavierTexte } from './Clavier';
import { LIENS } from '../utils/format';

export interface BeneficiaireForm {
  nom: string;
  prenom: string;
  lien: string;
}

export const BENEFICIAIRE_VIDE: BeneficiaireForm = { nom: '', prenom: '', lien: '' };

export function beneficiaireComplet(b: BeneficiaireForm): boolean {
  return b.nom.trim() !== '' && b.prenom.trim() !== '' && b.lien !== '';
}

export function beneficiaireCommence(b: BeneficiaireForm): boolean {
  return b.nom.trim() !== '' || b.prenom.trim() !== '' || b.lien !== '';
}

/** Name, first names and link of one bénéficiaire, on the on-screen keyboard. */
export function FormulaireBeneficiaire({ valeur, onChange }: { valeur: BeneficiaireForm; onChange: (b: BeneficiaireForm) => void }) {
  const [actif, setActif] = useState<'nom' | 'prenom'>('nom');
  return (
    <div className="saisie-identite">
      <div className="saisie-identite__champs">
        <ChampClavier id="champ-benef-nom" libelle="Nom" affichage={valeur.nom} actif={actif === 'nom'} onActiver={() => setActif('nom')} />
        <ChampClavier
          id="champ-benef-prenom"
          libelle="Prénom(s)"
          affichage={valeur.prenom}
          actif={actif === 'prenom'}
          onActiver={() => setActif('prenom')}
        />
      </div>
      <ClavierTexte
        libelle={actif === 'nom' ? 'Clavier du nom' : 'Clavier du prénom'}
        valeur={valeur[actif]}
        onChange={(v) => onChange({ ...valeur, [actif]: v })}
      />
      <p className="sous-titre" id="lien-titre">
        Lien avec vous
      </p>
      <div className="pastilles-choix" role="radiogroup" aria-labelledby="lien-titre">
        {Object.entries(LIENS).map(([code, texte]) => (
          <button
            type="button"
            key={code}
            role="radio"
            aria-checked={valeur.lien === code}
            className={`choix-rapide${valeur.lien === code ? ' choix-rapide--actif' : ''}`}
            onClick={() => onChange({ ...valeur, lien: code })}
          >
            {texte}
          </button>
        ))}
      </div>
    </div>
  );
}
