import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import { useRequete } from '../../../hooks/useRequete';
import { messageErreur } from '../../../lib/api';
import { useBorne } from '../../../stores/borne';
import { formatMontant } from '../../../utils/format';
import { lireProduits } from '../../../api/produits';

export function Produits() {
  const { api, naviguer } = useBorne();
  const { donnees, erreur, chargement, recharger } = useRequete(() => lireProduits(api), []);
  return (
    <Ecran titre="Nos produits PASS" onRetour={() => naviguer({ nom: 'accueil' })} libelleRetour="Accueil">
      <p className="consigne">Des assurances simples, payées par mobile money, dès {formatMontant(100)} par échéance.</p>
      {chargement ? <Chargement texte="Chargement des produits…" /> : null}
      {erreur && !chargement ? (
        <Alerte titre="Les produits n'ont pas pu être affichés" action={<Bouton onClick={recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(erreur)}</p>
        </Alerte>
      ) : null}
      <div className="produits">
        {donnees?.map((p) => (
          <article key={p.code} className="produit" aria-labelledby={`produit-${p.code}`}>
            <h2 className="produit__titre" id={`produit-${p.code}`}>
              {p.libelle}
            </h2>
            <p className="produit__description">{p.description}</p>
            <ul className="produit__garanties">
              {p.garanties.map((g) => (
                <li key={g.code}>
                  <span className="produit__coche" aria-hidden="true">
                    ✓
                  </span>
                  <span>
                    <strong>{g.libelle}</strong>
                    {g.plafond_fcfa !== null ? ` — jusqu'à ${formatMontant(g.plafond_fcfa)}` : ''}
                    <span className="petit bloc">{g.description}</span>
                  </span>
                </li>
              ))}
            </ul>
            <p className="produit__prix">À partir de {formatMontant(p.montant_minimum)} par échéance · couverture {p.duree_couverture_mois} mois</p>
            <Bouton onClick={() => naviguer({ nom: 'souscrire', produit: p.code })}>Souscrire {p.libelle}</Bouton>
          </article>
        ))}
      </div>
    </Ecran>
  );
}
