import { useState } from 'react';
import {
  BENEFICIAIRE_VIDE,
  FormulaireBeneficiaire,
  beneficiaireComplet,
  type BeneficiaireForm,
} from '../../../components/FormulaireBeneficiaire';
import { Bouton } from '../../../components/Bouton';
import { ChampClavier, ClavierChiffres, ClavierTexte, TELEPHONE_CHIFFRES } from '../../../components/Clavier';
import type { Periodicite, Produit } from '../../../types/api';
import {
  LIENS,
  PERIODES,
  PERIODICITES,
  formatMontant,
  grouperTelephone,
  montantEcheance,
} from '../../../utils/format';

/** Step 1: which PASS. */
export function EtapeProduit({ produits, choisi, onChoisir }: { produits: Produit[]; choisi: string | null; onChoisir: (code: string) => void }) {
  return (
    <div className="options" role="radiogroup" aria-label="Produit">
      {produits.map((p) => (
        <button
          type="button"
          key={p.code}
          role="radio"
          aria-checked={choisi === p.code}
          className={`option option--produit${choisi === p.code ? ' option--choisie' : ''}`}
          onClick={() => onChoisir(p.code)}
          data-testid={`produit-${p.code}`}
        >
          <span className="option__coche" aria-hidden="true">
            {choisi === p.code ? '✓' : ''}
          </span>
          <span className="option__texte">
            <span className="option__titre">{p.libelle}</span>
            <span className="option__detail">{p.description}</span>
          </span>
        </button>
      ))}
    </div>
  );
}

export const PRIMES_PROPOSEES = [5000, 12000, 24000, 60000];

/** Step 2: annual premium and périodicité, with the échéance amount shown. */
export function EtapeMontant({
  produit,
  prime,
  onPrime,
  periodicite,
  onPeriodicite,
}: {
  produit: Produit;
  prime: string;
  onPrime: (v: string) => void;
  periodicite: Periodicite | null;
  onPeriodicite: (p: Periodicite) => void;
}) {
  const montant = Number(prime || '0');
  const echeance = periodicite ? montantEcheance(montant, periodicite) : 0;
  const tropPetit = periodicite !== null && montant > 0 && echeance < produit.montant_minimum;
  return (
    <div className="etape-montant">
      <section aria-labelledby="prime-titre">
        <h2 className="sous-titre" id="prime-titre">
          Prime par an
        </h2>
        <div className="pastilles-choix">
          {PRIMES_PROPOSEES.map((p) => (
            <button
              type="button"
              key={p}
              className={`choix-rapide${montant === p ? ' choix-rapide--actif' : ''}`}
              aria-pressed={montant === p}
              onClick={() => onPrime(String(p))}
            >
              {formatMontant(p)}
            </button>
          ))}
        </div>
        <ChampClavier
          id="champ-prime"
          libelle="Ou tapez le montant par an"
          affichage={prime ? formatMontant(montant) : ''}
          actif
          onActiver={() => undefined}
        />
        <ClavierChiffres libelle="Clavier de la prime" valeur={prime} onChange={(v) => onPrime(v.replace(/^0+/, ''))} max={7} />
      </section>
      <section aria-labelledby="periodicite-titre">
        <h2 className="sous-titre" id="periodicite-titre">
          Je paie
        </h2>
        <div className="options" role="radiogroup" aria-labelledby="periodicite-titre">
          {produit.periodicites_autorisees.map((p) => (
            <button
              type="button"
              key={p}
              role="radio"
              aria-checked={periodicite === p}
              className={`option${periodicite === p ? ' option--choisie' : ''}`}
              onClick={() => onPeriodicite(p)}
              data-testid={`periodicite-${p}`}
            >
              <span className="option__coche" aria-hidden="true">
                {periodicite === p ? '✓' : ''}
              </span>
              <span className="option__texte">
                <span className="option__titre">{PERIODICITES[p]}</span>
              </span>
              {montant > 0 ? (
                <span className="option__montant">
                  {formatMontant(montantEcheance(montant, p))} <span className="petit">{PERIODES[p]}</span>
                </span>
              ) : null}
            </button>
          ))}
        </div>
        {periodicite && montant > 0 ? (
          <p className={`echeance${tropPetit ? ' echeance--erreur' : ''}`} role="status" data-testid="montant-echeance">
            {tropPetit
              ? `Chaque échéance doit être d'au moins ${formatMontant(produit.montant_minimum)}. Augmentez la prime ou choisissez moins d'échéances.`
              : `Vous paierez ${formatMontant(echeance)} ${PERIODES[periodicite]}.`}
          </p>
        ) : null}
      </section>
    </div>
  );
}

export interface Identite {
  nom: string;
  prenom: string;
  telephone: string;
}

type ChampIdentite = keyof Identite;

/** Step 3: who subscribes. */
export function EtapeIdentite({ valeur, onChange }: { valeur: Identite; onChange: (v: Identite) => void }) {
  const [actif, setActif] = useState<ChampIdentite>('nom');
  return (
    <div className="saisie-identite">
      <div className="saisie-identite__champs">
        <ChampClavier id="champ-nom" libelle="Nom" affichage={valeur.nom} actif={actif === 'nom'} onActiver={() => setActif('nom')} />
        <ChampClavier id="champ-prenom" libelle="Prénom(s)" affichage={valeur.prenom} actif={actif === 'prenom'} onActiver={() => setActif('prenom')} />
        <ChampClavier
          id="champ-telephone"
          libelle="Téléphone"
          prefixe="+242"
          affichage={grouperTelephone(valeur.telephone)}
          indice="9 chiffres, exemple : 06 123 45 67"
          actif={actif === 'telephone'}
          onActiver={() => setActif('telephone')}
        />
      </div>
      {actif === 'telephone' ? (
        <ClavierChiffres
          libelle="Clavier du téléphone"
          valeur={valeur.telephone}
          onChange={(telephone) => onChange({ ...valeur, telephone })}
          max={TELEPHONE_CHIFFRES}
        />
      ) : (
        <ClavierTexte
          libelle={actif === 'nom' ? 'Clavier du nom' : 'Clavier du prénom'}
          valeur={valeur[actif]}
          onChange={(v) => onChange({ ...valeur, [actif]: v })}
        />
      )}
      {actif !== 'telephone' ? (
        <Bouton variante="secondaire" onClick={() => setActif(actif === 'nom' ? 'prenom' : 'telephone')}>
          Champ suivant <span aria-hidden="true">→</span>
        </Bouton>
      ) : null}
    </div>
  );
}

export const BENEFICIAIRES_MAX = 6;

/**
 * Step 4: 0 to 6 bénéficiaires. The one being typed lives in the parent (`edition`), so that
 * leaving the step can add it or ask first: a typed bénéficiaire is never lost.
 */
export function EtapeBeneficiaires({
  liste,
  onChange,
  edition,
  onEdition,
}: {
  liste: BeneficiaireForm[];
  onChange: (l: BeneficiaireForm[]) => void;
  edition: BeneficiaireForm | null;
  onEdition: (b: BeneficiaireForm | null) => void;
}) {
  if (edition) {
    return (
      <div>
        <FormulaireBeneficiaire valeur={edition} onChange={onEdition} />
        <div className="rangee">
          <Bouton
            disabled={!beneficiaireComplet(edition)}
            onClick={() => {
              onChange([...liste, { nom: edition.nom.trim(), prenom: edition.prenom.trim(), lien: edition.lien }]);
              onEdition(null);
            }}
          >
            Ajouter ce bénéficiaire
          </Bouton>
          <Bouton variante="secondaire" onClick={() => onEdition(null)}>
            Annuler
          </Bouton>
        </div>
      </div>
    );
  }

  return (
    <div className="beneficiaires">
      <p className="consigne">
        Les personnes qui recevront l'aide prévue par le contrat. Vous pouvez en indiquer jusqu'à {BENEFICIAIRES_MAX}, ou aucune.
      </p>
      {liste.length > 0 ? (
        <ul className="liste">
          {liste.map((b, i) => (
            <li key={i} className="liste__ligne">
              <span>
                <strong>
                  {b.prenom} {b.nom}
                </strong>{' '}
                · {LIENS[b.lien] ?? b.lien}
              </span>
              <Bouton variante="discret" onClick={() => onChange(liste.filter((_, j) => j !== i))} aria-label={`Retirer ${b.prenom} ${b.nom}`}>
                Retirer
              </Bouton>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun bénéficiaire pour l'instant.</p>
      )}
      {liste.length < BENEFICIAIRES_MAX ? (
        <Bouton variante="secondaire" onClick={() => onEdition(BENEFICIAIRE_VIDE)}>
          + Ajouter un bénéficiaire
        </Bouton>
      ) : (
        <p>Vous avez indiqué le maximum de {BENEFICIAIRES_MAX} bénéficiaires.</p>
      )}
    </div>
  );
}

export type { BeneficiaireForm };
