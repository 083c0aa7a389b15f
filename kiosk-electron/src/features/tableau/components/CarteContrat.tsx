import { Bouton } from '../../../components/Bouton';
import { PastilleEtat } from '../../../components/Statut';
import { LIBELLES_BESOIN, besoinDuContrat } from '../../../lib/contrats';
import type { ContratResume } from '../../../types/api';
import { formatDate, formatMontant } from '../../../utils/format';

interface Props {
  contrat: ContratResume;
  onPayer: () => void;
  onDetail: () => void;
}

/** What is due, in words: "En retard : …", "Expiré", or the next payment. */
function AFaire({ contrat: c }: { contrat: ContratResume }) {
  if (c.arrieres > 0) {
    return (
      <span className="solde solde--retard">
        <span aria-hidden="true" className="solde__icone">!</span> En retard : {formatMontant(c.arrieres)}
      </span>
    );
  }
  if (c.etat === 'expire') {
    return (
      <span className="solde solde--retard">
        <span aria-hidden="true" className="solde__icone">!</span> Expiré le {formatDate(c.date_expiration)}
        {c.renouvelable ? ' : à renouveler' : ''}
      </span>
    );
  }
  return (
    <span className="solde solde--ajour">
      <span aria-hidden="true" className="solde__icone">✓</span> À jour
      {c.solde > 0 ? ` · d'avance : ${formatMontant(c.solde)}` : ''}
    </span>
  );
}

export function CarteContrat({ contrat, onPayer, onDetail }: Props) {
  const c = contrat;
  const besoin = besoinDuContrat(c);
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
          <dt>Prochain paiement</dt>
          <dd>
            {c.prochaine_echeance
              ? `${formatDate(c.prochaine_echeance.date)} · ${formatMontant(c.prochaine_echeance.montant)}`
              : 'Aucun'}
          </dd>
        </div>
        <div>
          <dt>À payer</dt>
          <dd data-testid="a-faire">
            <AFaire contrat={c} />
          </dd>
        </div>
      </dl>
      <div className="carte__actions">
        {besoin ? (
          <Bouton
            variante={besoin === 'avance' ? 'secondaire' : 'principal'}
            onClick={onPayer}
            aria-label={`${LIBELLES_BESOIN[besoin]} ${c.produit.libelle} ${c.numero_police}`}
            data-testid={`action-${besoin}`}
          >
            {LIBELLES_BESOIN[besoin]}
          </Bouton>
        ) : null}
        <Bouton variante="secondaire" onClick={onDetail} aria-label={`Voir le détail ${c.produit.libelle} ${c.numero_police}`}>
          Voir le détail
        </Bouton>
      </div>
    </article>
  );
}
