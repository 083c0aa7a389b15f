import { Bouton } from '../../../components/Bouton';
import { IconeImprimer } from '../../../components/Icones';
import { imprimer } from '../../../lib/impression';
import type { EtatPaiement } from '../../../types/api';
import { TYPES_PAIEMENT, formatDateHeure, formatMontant, libelle } from '../../../utils/format';

/** Success: the receipt, printable. */
export function Recu({ paiement, agence }: { paiement: EtatPaiement; agence: string }) {
  return (
    <div className="issue issue--succes" data-testid="paiement-succes">
      <div className="recu" aria-labelledby="recu-titre">
        <p className="recu__icone" aria-hidden="true">
          ✓
        </p>
        <h2 id="recu-titre" className="recu__titre">
          Paiement réussi
        </h2>
        <p className="recu__montant">{formatMontant(paiement.montant)}</p>
        <dl className="grille-infos">
          {paiement.numero_police ? (
            <div>
              <dt>Police</dt>
              <dd className="police">{paiement.numero_police}</dd>
            </div>
          ) : null}
          <div>
            <dt>Type</dt>
            <dd>{libelle(TYPES_PAIEMENT, paiement.type_paiement)}</dd>
          </div>
          <div>
            <dt>Référence</dt>
            <dd className="police">{paiement.reference}</dd>
          </div>
          <div>
            <dt>Date</dt>
            <dd>{formatDateHeure(paiement.date_confirmation)}</dd>
          </div>
        </dl>
        <p className="recu__pied">NSIA Assurances Congo · {agence} · Merci de votre confiance.</p>
      </div>
      <Bouton variante="secondaire" icone={<IconeImprimer />} onClick={() => void imprimer()}>
        Imprimer le reçu
      </Bouton>
    </div>
  );
}
