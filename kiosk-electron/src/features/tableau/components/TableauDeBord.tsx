import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import { Solde } from '../../../components/Solde';
import { useRequete } from '../../../hooks/useRequete';
import { messageErreur } from '../../../lib/api';
import { useBorne } from '../../../stores/borne';
import { formatDate, formatMontant } from '../../../utils/format';
import { lireTableauDeBord } from '../api/tableau';
import { CarteContrat } from './CarteContrat';

export function TableauDeBord() {
  const { api, session, naviguer } = useBorne();
  const police = session?.police ?? '';
  const { donnees, erreur, chargement, recharger } = useRequete(() => lireTableauDeBord(api, police), [police]);

  return (
    <Ecran
      titre="Mon compte"
      onRetour={() => naviguer({ nom: 'accueil' })}
      libelleRetour="Accueil"
      actions={
        donnees ? (
          <Bouton variante="secondaire" onClick={() => naviguer({ nom: 'releve' })}>
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
      {donnees ? (
        <>
          <p className="bonjour">
            Bonjour <strong>{donnees.client.prenom} {donnees.client.nom}</strong>
          </p>
          <section className={`resume ${donnees.solde_global < 0 ? 'resume--retard' : 'resume--ok'}`} aria-label="Solde global">
            <div className="resume__solde">
              <span className="resume__libelle">Solde global</span>
              <Solde montant={donnees.solde_global} grand />
            </div>
            <dl className="resume__chiffres">
              <div>
                <dt>Total payé</dt>
                <dd>{formatMontant(donnees.total_paye)}</dd>
              </div>
              <div>
                <dt>Arriérés</dt>
                <dd>{formatMontant(donnees.arrieres)}</dd>
              </div>
              <div>
                <dt>Prochaine échéance</dt>
                <dd>
                  {donnees.prochaine_echeance
                    ? `${formatDate(donnees.prochaine_echeance.date)} · ${formatMontant(donnees.prochaine_echeance.montant)}`
                    : 'Aucune'}
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
                onPayer={() => naviguer({ nom: 'payer', police: c.numero_police })}
                onDetail={() => naviguer({ nom: 'contrat', police: c.numero_police })}
                onImprimer={() => naviguer({ nom: 'releve' })}
              />
            ))}
          </div>
        </>
      ) : null}
    </Ecran>
  );
}
