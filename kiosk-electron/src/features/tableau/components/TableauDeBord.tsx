import { lireTableauDeBord } from '../../../api/compte';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import { IconeImprimer } from '../../../components/Icones';
import { useRequete } from '../../../hooks/useRequete';
import { messageErreur } from '../../../lib/api';
import { besoinDuContrat, situationDuCompte } from '../../../lib/contrats';
import { useBorne } from '../../../stores/borne';
import { formatDate, formatMontant } from '../../../utils/format';
import { CarteContrat } from './CarteContrat';

export function TableauDeBord() {
  const { api, session, naviguer } = useBorne();
  const police = session?.police ?? '';
  const { donnees, erreur, chargement, recharger } = useRequete(() => lireTableauDeBord(api, police), [police]);
  const situation = donnees ? situationDuCompte(donnees) : null;

  return (
    <Ecran
      titre="Mon compte"
      onRetour={() => naviguer({ nom: 'accueil' })}
      libelleRetour="Accueil"
      actions={
        donnees ? (
          <Bouton variante="secondaire" icone={<IconeImprimer />} onClick={() => naviguer({ nom: 'releve' })}>
            Voir et imprimer mon relevé
          </Bouton>
        ) : undefined
      }
    >
      {chargement ? <Chargement texte="Chargement de votre compte…" /> : null}
      {erreur && !chargement ? (
        <Alerte titre="Votre compte n'a pas pu être affiché" action={<Bouton onClick={recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(erreur)}</p>
        </Alerte>
      ) : null}
      {donnees && situation ? (
        <>
          <p className="bonjour">
            Bonjour <strong>{donnees.client.prenom} {donnees.client.nom}</strong>
          </p>
          <section
            className={`resume ${situation.etat === 'a_regulariser' ? 'resume--retard' : 'resume--ok'}`}
            aria-label="Ma situation"
            data-testid="situation"
          >
            {situation.etat === 'a_regulariser' ? (
              <p className="resume__titre resume__titre--retard solde--retard">
                <span aria-hidden="true" className="solde__icone">!</span> À régulariser : {formatMontant(situation.montant)}
              </p>
            ) : (
              <p className="resume__titre resume__titre--ok solde--ajour">
                <span aria-hidden="true" className="solde__icone">✓</span> À jour
                {situation.avance > 0 ? <> · d'avance : {formatMontant(situation.avance)}</> : null}
              </p>
            )}
            <dl className="resume__chiffres">
              <div>
                <dt>Déjà payé</dt>
                <dd>{formatMontant(donnees.total_paye)}</dd>
              </div>
              <div>
                <dt>Prochain paiement (échéance)</dt>
                <dd>
                  {donnees.prochaine_echeance
                    ? `${formatDate(donnees.prochaine_echeance.date)} · ${formatMontant(donnees.prochaine_echeance.montant)}`
                    : 'Aucun'}
                </dd>
              </div>
            </dl>
          </section>
          <h2 className="sous-titre">
            Mes contrats <span className="compteur">({donnees.nombre_contrats})</span>
          </h2>
          <div className="cartes">
            {donnees.contrats.map((c) => (
              <CarteContrat
                key={c.numero_police}
                contrat={c}
                onPayer={() => naviguer({ nom: 'payer', police: c.numero_police, besoin: besoinDuContrat(c) ?? undefined })}
                onDetail={() => naviguer({ nom: 'contrat', police: c.numero_police })}
              />
            ))}
          </div>
          {donnees.contrats.length > 1 ? <p className="defiler" aria-hidden="true">▼ Faites glisser pour voir la suite</p> : null}
        </>
      ) : null}
    </Ecran>
  );
}
