import { Bouton } from '../../../components/Bouton';
import { Solde } from '../../../components/Solde';
import { PastilleEtat } from '../../../components/Statut';
import type { ContratResume } from '../../../types/api';
import { formatDate, formatMontant } from '../../../utils/format';

interface Props {
  contrat: ContratResume;
  onPayer: () => void;
  onDetail: () => void;
  onImprimer: () => void;
}

export function CarteContrat({ contrat, onPayer, onDetail, onImprimer }: Props) {
  const c = contrat;
  const payable = c.etat !== 'resilie';
  return (
    <article className="carte" aria-labelledby={`carte-${c.numero_police}`} data-testid={`contrat-${c.numero_police}`}>
      <header className="carte__entete">
        <h2 className="carte__titre" id={`carte-${c.numero_police}`}>
          {c.produit.libelle}
        </h2>
        <PastilleEtat etat={c.etat} />
      </header>
      <dl className="carte__infos">
        <div>
          <dt>Police</dt>
          <dd className="police">{c.numero_police}</dd>
        </div>
        <div>
          <dt>Prochaine échéance</dt>
          <dd>
            {c.prochaine_echeance
              ? `${formatDate(c.prochaine_echeance.date)} · ${formatMontant(c.prochaine_echeance.montant)}`
              : 'Aucune'}
          </dd>
        </div>
        <div>
          <dt>Solde</dt>
          <dd>
            <Solde montant={c.solde} />
          </dd>
        </div>
      </dl>
      <div className="carte__actions">
        {payable ? (
          <Bouton onClick={onPayer} aria-label={`Payer ${c.produit.libelle} ${c.numero_police}`}>
            Payer
          </Bouton>
        ) : null}
        <Bouton variante="secondaire" onClick={onDetail} aria-label={`Détail ${c.produit.libelle} ${c.numero_police}`}>
          Détail
        </Bouton>
        <Bouton variante="secondaire" onClick={onImprimer} aria-label={`Imprimer ${c.produit.libelle} ${c.numero_police}`}>
          Imprimer
        </Bouton>
      </div>
    </article>
  );
}
