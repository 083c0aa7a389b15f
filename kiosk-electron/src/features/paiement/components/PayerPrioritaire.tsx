import { useEffect } from 'react';
import { lireTableauDeBord } from '../../../api/compte';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import { useRequete } from '../../../hooks/useRequete';
import { messageErreur } from '../../../lib/api';
import { besoinDuContrat, contratPrioritaire } from '../../../lib/contrats';
import { useBorne } from '../../../stores/borne';

/**
 * "Payer ma prime": straight to the contrat that needs it most (arrears, then renewal, then
 * the next payment). Several in arrears: "Mon compte", where each card has its "Régulariser".
 */
export function PayerPrioritaire() {
  const { api, session, naviguer } = useBorne();
  const police = session?.police ?? '';
  const { donnees, erreur, chargement, recharger } = useRequete(() => lireTableauDeBord(api, police), [police]);

  useEffect(() => {
    if (!donnees) return;
    const contrat = contratPrioritaire(donnees.contrats);
    if (contrat) naviguer({ nom: 'payer', police: contrat.numero_police, besoin: besoinDuContrat(contrat) ?? undefined });
    else naviguer({ nom: 'tableau' });
  }, [donnees, naviguer]);

  return (
    <Ecran titre="Payer" onRetour={() => naviguer({ nom: 'accueil' })} libelleRetour="Accueil">
      {chargement || donnees ? <Chargement texte="Recherche du contrat à payer…" /> : null}
      {erreur && !chargement ? (
        <Alerte titre="Votre compte n'a pas pu être affiché" action={<Bouton onClick={recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(erreur)}</p>
        </Alerte>
      ) : null}
    </Ecran>
  );
}
