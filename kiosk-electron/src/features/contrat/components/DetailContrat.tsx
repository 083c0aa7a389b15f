import { useState } from 'react';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import { Solde } from '../../../components/Solde';
import { Pastille, PastilleCotisation, PastilleEtat, PastillePaiement } from '../../../components/Statut';
import { useRequete } from '../../../hooks/useRequete';
import { messageErreur } from '../../../lib/api';
import { useBorne } from '../../../stores/borne';
import {
  LIENS,
  MODES_PAIEMENT,
  PERIODICITES,
  TYPES_PAIEMENT,
  formatDate,
  formatDateHeure,
  formatMontant,
  formatTelephone,
  libelle,
  TYPES_SINISTRE,
} from '../../../utils/format';
import { LIBELLES_BESOIN, besoinDuContrat } from '../../../lib/contrats';
import { lireContrat } from '../../../api/compte';
import type { Cotisation } from '../../../types/api';

const LIGNES_VISIBLES = 8;

/**
 * The échéances that matter first: every one en retard, the next one à venir, then the most
 * recent payées; newest first, like the API.
 */
export function echeancesUtiles(cotisations: Cotisation[]): Cotisation[] {
  const triees = [...cotisations].sort((a, b) => b.rang - a.rang);
  const aVenir = triees.filter((c) => c.statut === 'a_venir');
  const prochaine = aVenir[aVenir.length - 1];
  return triees.filter((c) => c.statut !== 'a_venir' || c === prochaine);
}

/** A pictogram per garantie, for people who read little. */
const PICTOS_GARANTIE: Record<string, string> = {
  accident: '⚠',
  frais_medicaux: '⚕',
  frais_funeraires: '❀',
  hospitalisation: '✚',
  epargne_retraite: '⌛',
};

const SINISTRES: Record<string, string> = {
  declare: 'déclaré',
  en_instruction: 'en instruction',
  accepte: 'accepté',
  rejete: 'rejeté',
  paye: 'payé',
};

export function DetailContrat({ police }: { police: string }) {
  const { api, naviguer } = useBorne();
  const { donnees: c, erreur, chargement, recharger } = useRequete(() => lireContrat(api, police), [police]);
  const besoin = c ? besoinDuContrat(c) : null;
  const [toutesEcheances, setToutesEcheances] = useState(false);
  const [tousPaiements, setTousPaiements] = useState(false);
  const echeances = c ? (toutesEcheances ? [...c.cotisations].sort((a, b) => b.rang - a.rang) : echeancesUtiles(c.cotisations).slice(0, LIGNES_VISIBLES)) : [];
  const paiements = c ? (tousPaiements ? c.paiements : c.paiements.slice(0, LIGNES_VISIBLES)) : [];

  return (
    <Ecran
      titre={c ? c.produit.libelle : 'Mon contrat'}
      onRetour={() => naviguer({ nom: 'tableau' })}
      libelleRetour="Mon compte"
      actions={
        c ? (
          <>
            {besoin ? (
              <Bouton grand onClick={() => naviguer({ nom: 'payer', police, besoin })} data-testid={`action-${besoin}`}>
                {LIBELLES_BESOIN[besoin]}
              </Bouton>
            ) : null}
            {c.etat !== 'resilie' && c.types_sinistre_couverts.length > 0 ? (
              <Bouton grand variante="secondaire" onClick={() => naviguer({ nom: 'sinistre', police })} data-testid="declarer-sinistre">
                <span aria-hidden="true">✚</span> Déclarer un sinistre
              </Bouton>
            ) : null}
          </>
        ) : undefined
      }
    >
      {chargement ? <Chargement texte="Chargement du contrat…" /> : null}
      {erreur && !chargement ? (
        <Alerte titre="Ce contrat n'a pas pu être affiché" action={<Bouton onClick={recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(erreur)}</p>
        </Alerte>
      ) : null}
      {c ? (
        <div className="detail">
          <section className="bloc" aria-label="Résumé du contrat">
            <div className="bloc__ligne">
              <span className="police">{c.numero_police}</span>
              <PastilleEtat etat={c.etat} />
            </div>
            <dl className="grille-infos">
              <div>
                <dt>Prime (montant par an)</dt>
                <dd>{formatMontant(c.montant_prime)}</dd>
              </div>
              <div>
                <dt>Paiement</dt>
                <dd>
                  {libelle(PERIODICITES, c.periodicite)} · {formatMontant(c.montant_echeance)}
                </dd>
              </div>
              <div>
                <dt>Couvert du</dt>
                <dd>
                  {formatDate(c.date_effet)} au {formatDate(c.date_expiration)}
                </dd>
              </div>
              <div>
                <dt>À payer</dt>
                <dd>
                  {c.arrieres > 0 ? <Solde montant={-c.arrieres} /> : <Solde montant={c.solde} />}
                </dd>
              </div>
            </dl>
          </section>

          <section className="bloc">
            <h2 className="sous-titre">Garanties</h2>
            <ul className="liste">
              {c.garanties.map((g) => (
                <li key={g.code} className="garantie">
                  <span className="garantie__picto" aria-hidden="true">
                    {PICTOS_GARANTIE[g.code] ?? '★'}
                  </span>
                  <strong>{g.libelle}</strong>
                  {g.plafond_fcfa !== null ? <span> · jusqu'à {formatMontant(g.plafond_fcfa)}</span> : null}
                  <p className="petit">{g.description}</p>
                </li>
              ))}
            </ul>
          </section>

          <section className="bloc">
            <div className="bloc__ligne">
              <h2 className="sous-titre">Bénéficiaires</h2>
              {c.etat !== 'resilie' ? (
                <Bouton variante="secondaire" onClick={() => naviguer({ nom: 'beneficiaires', police })} data-testid="gerer-beneficiaires">
                  Ajouter, changer ou retirer
                </Bouton>
              ) : null}
            </div>
            {c.beneficiaires.length === 0 ? (
              <p>Aucun bénéficiaire enregistré.</p>
            ) : (
              <ul className="liste">
                {c.beneficiaires.map((b) => (
                  <li key={b.id}>
                    <strong>
                      {b.prenom} {b.nom}
                    </strong>{' '}
                    · {libelle(LIENS, b.lien)}
                    {b.part_pourcentage !== null ? ` · ${b.part_pourcentage} %` : ''}
                    {b.telephone ? ` · ${formatTelephone(b.telephone)}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="bloc">
            <h2 className="sous-titre">Paiements prévus (échéances)</h2>
            <table className="tableau">
              <thead>
                <tr>
                  <th scope="col">Période</th>
                  <th scope="col">Montant</th>
                  <th scope="col">Reste</th>
                  <th scope="col">Statut</th>
                </tr>
              </thead>
              <tbody>
                {echeances.map((e) => (
                  <tr key={e.numero_quittance}>
                    <td>
                      {formatDate(e.date_debut)} – {formatDate(e.date_fin)}
                    </td>
                    <td>{formatMontant(e.montant_du)}</td>
                    <td>{formatMontant(e.reste_a_payer)}</td>
                    <td>
                      <PastilleCotisation statut={e.statut} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!toutesEcheances && echeances.length < c.cotisations.length ? (
              <Bouton variante="discret" onClick={() => setToutesEcheances(true)}>
                Voir toutes les échéances ({c.cotisations.length})
              </Bouton>
            ) : null}
          </section>

          <section className="bloc">
            <h2 className="sous-titre">Paiements faits</h2>
            {c.paiements.length === 0 ? (
              <p>Aucun paiement.</p>
            ) : (
              <table className="tableau">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Montant</th>
                    <th scope="col">Type</th>
                    <th scope="col">Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {paiements.map((p) => (
                    <tr key={p.reference}>
                      <td>{formatDateHeure(p.date_confirmation ?? p.date_initiation)}</td>
                      <td>{formatMontant(p.montant)}</td>
                      <td>
                        {libelle(TYPES_PAIEMENT, p.type_paiement)}
                        <span className="petit bloc-inline"> {libelle(MODES_PAIEMENT, p.mode_paiement)}</span>
                      </td>
                      <td>
                        <PastillePaiement statut={p.statut} />
                        {p.motif_echec ? <span className="petit bloc-inline"> {p.motif_echec}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {!tousPaiements && paiements.length < c.paiements.length ? (
              <Bouton variante="discret" onClick={() => setTousPaiements(true)}>
                Voir tous les paiements ({c.paiements.length})
              </Bouton>
            ) : null}
          </section>

          <section className="bloc">
            <h2 className="sous-titre">Sinistres</h2>
            {c.sinistres.length === 0 ? (
              <p>Aucun sinistre déclaré.</p>
            ) : (
              <ul className="liste">
                {c.sinistres.map((s) => (
                  <li key={s.id}>
                    <strong>{libelle(TYPES_SINISTRE, s.type)}</strong> · survenu le {formatDate(s.date_survenance)}{' '}
                    <Pastille ton={s.statut === 'rejete' ? 'alerte' : s.statut === 'paye' || s.statut === 'accepte' ? 'ok' : 'attente'}>
                      {SINISTRES[s.statut] ?? s.statut}
                    </Pastille>
                    {s.montant_reclame !== null ? <p className="petit">Montant demandé : {formatMontant(s.montant_reclame)}</p> : null}
                    {s.montant_accorde !== null ? <p className="petit">Montant accordé : {formatMontant(s.montant_accorde)}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </Ecran>
  );
}
