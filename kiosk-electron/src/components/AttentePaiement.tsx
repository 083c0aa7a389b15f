import type { ReactNode } from 'react';
import { Alerte } from './Alerte';
import { BarreProgression } from './Attente';
import { Bouton } from './Bouton';
import { IconeTelephone } from './Icones';
import { useBorne } from '../stores/borne';
import type { EtatPaiement } from '../types/api';
import { formatDuree, formatMontant, formatTelephone } from '../utils/format';
import { DELAI_SECONDES, useSuiviPaiement } from '../hooks/useSuiviPaiement';

interface Props {
  reference: string;
  montant: number;
  numeroPayeur: string;
  /** Signed-in client (true) or a new souscription started by the borne (false). */
  auth: boolean;
  succes: (p: EtatPaiement) => ReactNode;
  /** After a failure: back to the choices (a new payment intent). */
  onRecommencer: () => void;
  onQuitter: () => void;
  libelleQuitter: string;
}

/** "Validez le paiement sur votre téléphone": progress, countdown, then the outcome. */
export function AttentePaiement({ reference, montant, numeroPayeur, auth, succes, onRecommencer, onQuitter, libelleQuitter }: Props) {
  const { api } = useBorne();
  const suivi = useSuiviPaiement(api, reference, auth);

  if (suivi.phase === 'succes' && suivi.paiement) return <>{succes(suivi.paiement)}</>;

  if (suivi.phase === 'echec') {
    return (
      <div className="issue issue--echec" data-testid="paiement-echec">
        <Alerte titre="Le paiement n'a pas abouti">
          <p className="issue__motif">{suivi.paiement?.motif_echec || "L'opérateur a refusé le paiement."}</p>
          <p>Aucun montant n'a été prélevé. Vous pouvez réessayer, avec ce numéro ou un autre.</p>
        </Alerte>
        <div className="rangee">
          <Bouton grand onClick={onRecommencer}>
            Réessayer
          </Bouton>
          <Bouton grand variante="secondaire" onClick={onQuitter}>
            {libelleQuitter}
          </Bouton>
        </div>
      </div>
    );
  }

  if (suivi.phase === 'delai') {
    return (
      <div className="issue" data-testid="paiement-delai">
        <Alerte ton="info" titre="Le paiement est toujours en attente">
          <p>
            Nous n'avons pas encore la réponse de l'opérateur. Si vous avez validé sur votre téléphone, le paiement
            sera pris en compte automatiquement et le reçu vous sera envoyé par SMS ou WhatsApp.
          </p>
          <p>
            Ne payez pas une seconde fois : vérifiez plus tard dans « Consulter mon compte », ou demandez à un
            conseiller au guichet (référence <strong>{reference}</strong>).
          </p>
        </Alerte>
        <div className="rangee">
          <Bouton grand onClick={suivi.relancer}>
            Attendre encore
          </Bouton>
          <Bouton grand variante="secondaire" onClick={onQuitter}>
            {libelleQuitter}
          </Bouton>
        </div>
      </div>
    );
  }

  return (
    <div className="attente" data-testid="paiement-attente">
      <div className="attente__telephone" aria-hidden="true">
        <IconeTelephone />
      </div>
      <h2 className="attente__titre">Validez le paiement sur votre téléphone</h2>
      <p className="attente__texte">
        Un message MTN Mobile Money va arriver sur le <strong>{formatTelephone(numeroPayeur)}</strong> pour{' '}
        <strong>{formatMontant(montant)}</strong>. Tapez votre code secret sur le téléphone pour valider.
      </p>
      <BarreProgression fraction={1 - suivi.restant / DELAI_SECONDES} libelle="Attente de la validation" />
      <p className="attente__compte" aria-live="polite">
        <span className="roue roue--petite" aria-hidden="true" /> En attente de votre validation… encore{' '}
        <strong>{formatDuree(suivi.restant)}</strong>
      </p>
      {suivi.horsLigne ? (
        <p className="attente__reseau" role="status">
          Connexion au service perdue un instant, nous vérifions à nouveau. Ne payez pas une seconde fois.
        </p>
      ) : null}
    </div>
  );
}
