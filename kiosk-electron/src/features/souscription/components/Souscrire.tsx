import { useEffect, useRef, useState } from 'react';
import { IconeImprimer } from '../../../components/Icones';
import { useImpressionImmediate } from '../../../hooks/useImpressionImmediate';
import { imprimer } from '../../../lib/impression';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { BarreEtapes } from '../../../components/BarreEtapes';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import { useRequete } from '../../../hooks/useRequete';
import { ApiError, messageErreur, nouvelleCleIdempotence } from '../../../lib/api';
import { useBorne } from '../../../stores/borne';
import type { EtatPaiement, Periodicite } from '../../../types/api';
import { LIENS, PERIODES, PERIODICITES, formatMontant, formatTelephone, montantEcheance } from '../../../utils/format';
import { lireProduits } from '../../../api/produits';
import { AttentePaiement } from '../../../components/AttentePaiement';
import { PREUVE_REQUISE } from '../../../api/preuve';
import { PreuveCode } from '../../../components/PreuveCode';
import { SaisiePayeur, numeroPayeur, operateurPayeur, payeurValide, type Payeur } from '../../../components/SaisiePayeur';
import { creerSouscription, relancerPremierPaiement, type DemandeSouscription, type SouscriptionCreee } from '../api/souscriptions';
import { beneficiaireComplet, beneficiaireCommence } from '../../../components/FormulaireBeneficiaire';
import {
  EtapeBeneficiaires,
  EtapeIdentite,
  EtapeMontant,
  EtapeProduit,
  type BeneficiaireForm,
  type Identite,
} from './Etapes';

const ETAPES = ['produit', 'montant', 'identite', 'beneficiaires', 'payeur'] as const;
type Etape = (typeof ETAPES)[number];

const TITRES: Record<Etape, string> = {
  produit: 'Choisissez votre PASS',
  montant: 'Montant et rythme de paiement',
  identite: 'Vos informations',
  beneficiaires: 'Vos bénéficiaires',
  payeur: 'Paiement de la première échéance',
};

/** The short names shown in the step bar. */
const NOMS_ETAPES: Record<Etape, string> = {
  produit: 'Produit',
  montant: 'Montant',
  identite: 'Identité et téléphone',
  beneficiaires: 'Bénéficiaires',
  payeur: 'Paiement',
};

export function Souscrire({ produitInitial }: { produitInitial?: string }) {
  const { api, config, naviguer } = useBorne();
  const produits = useRequete(() => lireProduits(api), []);
  const [etape, setEtape] = useState<Etape>(produitInitial ? 'montant' : 'produit');
  const [code, setCode] = useState<string | null>(produitInitial ?? null);
  const [prime, setPrime] = useState('');
  const [periodicite, setPeriodicite] = useState<Periodicite | null>(null);
  const [identite, setIdentite] = useState<Identite>({ nom: '', prenom: '', telephone: '' });
  const [beneficiaires, setBeneficiaires] = useState<BeneficiaireForm[]>([]);
  const [edition, setEdition] = useState<BeneficiaireForm | null>(null);
  const [questionBeneficiaire, setQuestionBeneficiaire] = useState<'suivant' | 'precedent' | null>(null);
  const [payeur, setPayeur] = useState<Payeur | null>(null);
  const [clavierPayeur, setClavierPayeur] = useState(false);
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<unknown>(null);
  const [creee, setCreee] = useState<(SouscriptionCreee & { numeroPayeur: string }) | null>(null);
  // A relative pays: the subscriber's telephone is proven by a code (valid 15 minutes, this telephone only).
  const [preuve, setPreuve] = useState<{ telephone: string; code: string } | null>(null);
  const [preuveOuverte, setPreuveOuverte] = useState(false);
  const intention = useRef<{ signature: string; cle: string } | null>(null);
  // Set once the souscription exists: a new attempt pays it, never creates a second PASS.
  const souscriptionExistante = useRef<string | null>(null);
  const verrou = useRef(false);
  // A refusal appears under the keypad: brought into view, so its choices are seen without scrolling.
  const zoneErreur = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (erreur) zoneErreur.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [erreur]);

  const produit = produits.donnees?.find((p) => p.code === code) ?? null;
  const montant = Number(prime || '0');
  const payeurEffectif: Payeur = payeur ?? { mode: 'congo', chiffres: identite.telephone };
  const index = ETAPES.indexOf(etape);

  const etapeValide: Record<Etape, boolean> = {
    produit: produit !== null,
    montant:
      produit !== null && periodicite !== null && montant > 0 && montantEcheance(montant, periodicite) >= produit.montant_minimum,
    identite: identite.nom.trim().length > 0 && identite.prenom.trim().length > 0 && identite.telephone.length === 9,
    beneficiaires: true,
    payeur: payeurValide(payeurEffectif),
  };

  /**
   * Leaving the bénéficiaires step with one being typed: complete → added; started but
   * incomplete → the person is asked; nothing typed → nothing to keep.
   */
  function quitterBeneficiaires(sens: 'suivant' | 'precedent'): boolean {
    if (etape !== 'beneficiaires' || edition === null || !beneficiaireCommence(edition)) {
      setEdition(null);
      return true;
    }
    if (beneficiaireComplet(edition)) {
      setBeneficiaires([...beneficiaires, { nom: edition.nom.trim(), prenom: edition.prenom.trim(), lien: edition.lien }]);
      setEdition(null);
      return true;
    }
    setQuestionBeneficiaire(sens);
    return false;
  }

  function suivant() {
    if (quitterBeneficiaires('suivant')) setEtape(ETAPES[index + 1]);
  }

  function abandonnerBeneficiaire() {
    const sens = questionBeneficiaire;
    setEdition(null);
    setQuestionBeneficiaire(null);
    if (sens === 'suivant') setEtape(ETAPES[index + 1]);
    else if (sens === 'precedent') setEtape(ETAPES[index - 1]);
  }

  function precedent() {
    if (preuveOuverte) {
      setPreuveOuverte(false);
      return;
    }
    if (!quitterBeneficiaires('precedent')) return;
    if (index === 0 || (produitInitial && etape === 'montant')) naviguer({ nom: produitInitial ? 'produits' : 'accueil' });
    else setEtape(ETAPES[index - 1]);
  }

  async function envoyer(preuveDonnee = preuve) {
    if (verrou.current || !produit || !periodicite || !etapeValide.payeur) return;
    verrou.current = true;
    setEnvoi(true);
    setErreur(null);
    const telephone = `+242${identite.telephone}`;
    const demande: DemandeSouscription = {
      client: { nom: identite.nom.trim(), prenom: identite.prenom.trim(), telephone },
      produit: produit.code,
      montant_prime: montant,
      periodicite,
      beneficiaires: beneficiaires.map((b) => ({ nom: b.nom, prenom: b.prenom, lien: b.lien })),
      numero_payeur: numeroPayeur(payeurEffectif),
      operateur: operateurPayeur(payeurEffectif),
      code_preuve: preuveDonnee?.telephone === telephone ? preuveDonnee.code : undefined,
    };
    const signature = JSON.stringify({ demande, existante: souscriptionExistante.current });
    if (intention.current?.signature !== signature) intention.current = { signature, cle: nouvelleCleIdempotence() };
    try {
      const r = souscriptionExistante.current
        ? await relancerPremierPaiement(
            api,
            souscriptionExistante.current,
            demande.numero_payeur,
            intention.current.cle,
            demande.operateur,
            demande.code_preuve,
          )
        : await creerSouscription(api, demande, intention.current.cle);
      souscriptionExistante.current = r.souscription.numero_souscription;
      setCreee({ ...r, numeroPayeur: demande.numero_payeur });
    } catch (e) {
      setErreur(e);
    } finally {
      verrou.current = false;
      setEnvoi(false);
    }
  }

  if (creee) {
    return (
      <Ecran titre="Souscription de mon PASS">
        <AttentePaiement
          reference={creee.paiement.reference}
          montant={creee.paiement.montant}
          numeroPayeur={creee.numeroPayeur}
          auth={false}
          onRecommencer={() => {
            // The souscription exists: the next attempt pays it again (a new intent, same PASS).
            intention.current = null;
            setCreee(null);
            setEtape('payeur');
          }}
          onQuitter={() => naviguer({ nom: 'accueil' })}
          libelleQuitter="Retour à l'accueil"
          succes={(p) => (
            <Confirmation
              creee={creee}
              paiement={p}
              produit={produit?.libelle ?? ''}
              echeance={periodicite ? `${formatMontant(montantEcheance(montant, periodicite))} ${PERIODES[periodicite]}` : ''}
              agence={config.agence}
              onTerminer={() => naviguer({ nom: 'accueil' })}
            />
          )}
        />
      </Ecran>
    );
  }

  return (
    <Ecran
      titre={TITRES[etape]}
      onRetour={precedent}
      libelleRetour={index === 0 ? 'Accueil' : 'Étape précédente'}
      actions={
        preuveOuverte ? undefined : etape === 'payeur' ? (
          <Bouton grand onClick={() => void envoyer()} disabled={!etapeValide.payeur || envoi} data-testid="bouton-souscrire">
            {envoi
              ? 'Envoi de la demande…'
              : periodicite
                ? `Souscrire et payer ${formatMontant(montantEcheance(montant, periodicite))}`
                : 'Souscrire'}
          </Bouton>
        ) : (
          <Bouton grand onClick={suivant} disabled={!etapeValide[etape]} data-testid="bouton-suivant">
            Continuer <span aria-hidden="true">→</span>
          </Bouton>
        )
      }
    >
      <BarreEtapes etapes={ETAPES} courante={etape} noms={NOMS_ETAPES} />
      {produits.chargement ? <Chargement texte="Chargement des produits…" /> : null}
      {produits.erreur && !produits.chargement ? (
        <Alerte titre="Les produits n'ont pas pu être affichés" action={<Bouton onClick={produits.recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(produits.erreur)}</p>
        </Alerte>
      ) : null}
      {produits.donnees && etape === 'produit' ? <EtapeProduit produits={produits.donnees} choisi={code} onChoisir={setCode} /> : null}
      {produit && etape === 'montant' ? (
        <>
          <p className="consigne">
            <strong>{produit.libelle}</strong> : choisissez la prime pour un an, puis comment la payer.
          </p>
          <EtapeMontant produit={produit} prime={prime} onPrime={setPrime} periodicite={periodicite} onPeriodicite={setPeriodicite} />
        </>
      ) : null}
      {etape === 'identite' ? <EtapeIdentite valeur={identite} onChange={setIdentite} /> : null}
      {etape === 'beneficiaires' && questionBeneficiaire ? (
        <Alerte
          ton="info"
          titre="Vous avez commencé un bénéficiaire sans le terminer."
          action={
            <div className="rangee">
              <Bouton onClick={() => setQuestionBeneficiaire(null)} data-testid="completer-beneficiaire">
                Le compléter
              </Bouton>
              <Bouton variante="secondaire" onClick={abandonnerBeneficiaire} data-testid="abandonner-beneficiaire">
                Ne pas l'ajouter
              </Bouton>
            </div>
          }
        />
      ) : null}
      {etape === 'beneficiaires' ? (
        <EtapeBeneficiaires liste={beneficiaires} onChange={setBeneficiaires} edition={edition} onEdition={setEdition} />
      ) : null}
      {etape === 'payeur' && preuveOuverte ? (
        <PreuveCode
          telephone={`+242${identite.telephone}`}
          raison="Un proche paie la première échéance : pour protéger le souscripteur, prouvons que ce téléphone est bien le sien."
          onPreuve={(code) => {
            const prouvee = { telephone: `+242${identite.telephone}`, code };
            setPreuve(prouvee);
            setPreuveOuverte(false);
            void envoyer(prouvee);
          }}
          onAnnuler={() => setPreuveOuverte(false)}
          libelleAnnuler="Retour au paiement"
        />
      ) : null}
      {etape === 'payeur' && produit && periodicite && !preuveOuverte ? (
        <div className="recap-payeur">
          <section className="bloc recap" aria-label="Récapitulatif">
            <p>
              <strong>{produit.libelle}</strong> · {formatMontant(montant)} par an · {PERIODICITES[periodicite]}
            </p>
            <p>
              {identite.prenom} {identite.nom} · {formatTelephone(`+242${identite.telephone}`)}
            </p>
            <p>
              {beneficiaires.length === 0
                ? 'Aucun bénéficiaire'
                : `Bénéficiaires : ${beneficiaires.map((b) => `${b.prenom} ${b.nom} (${LIENS[b.lien]})`).join(', ')}`}
            </p>
            <p className="recap__echeance">
              Première échéance : <strong>{formatMontant(montantEcheance(montant, periodicite))}</strong> {PERIODES[periodicite]}
            </p>
          </section>
          <SaisiePayeur
            valeur={payeurEffectif}
            onChange={setPayeur}
            sandbox={config.sandbox}
            clavierOuvert={clavierPayeur}
            onOuvrirClavier={() => setClavierPayeur(true)}
            desactive={envoi}
          />
          <p className="petit" data-testid="consigne-payeur">
            Le premier paiement se valide sur le téléphone du souscripteur ({formatTelephone(`+242${identite.telephone}`)}) : c'est
            ce qui prouve qu'il lui appartient. Si un proche paie, un code envoyé à ce téléphone peut le prouver à la place.
          </p>
          <div ref={zoneErreur}>
            {erreur instanceof ApiError && erreur.code === PREUVE_REQUISE ? (
              <Alerte
                titre="Le téléphone du souscripteur doit être prouvé"
                action={
                  <div className="rangee">
                    <Bouton
                      // The refusal stays: cancelling the code comes back to both choices.
                      onClick={() => setPreuveOuverte(true)}
                      data-testid="bouton-code-souscripteur"
                    >
                      Recevoir un code sur le {formatTelephone(`+242${identite.telephone}`)}
                    </Bouton>
                    <Bouton
                      variante="secondaire"
                      onClick={() => {
                        setPayeur(null);
                        setClavierPayeur(false);
                        setErreur(null);
                      }}
                      data-testid="bouton-payeur-souscripteur"
                    >
                      Payer avec le {formatTelephone(`+242${identite.telephone}`)}
                    </Bouton>
                  </div>
                }
              >
                <p>
                  Le paiement vient d'un autre numéro. Pour protéger le souscripteur, prouvez que le{' '}
                  {formatTelephone(`+242${identite.telephone}`)} est bien le sien : par un code reçu sur ce téléphone (SMS ou
                  WhatsApp), ou en payant depuis ce téléphone.
                </p>
              </Alerte>
            ) : erreur ? (
              <Alerte titre="La souscription n'a pas pu être envoyée">
                <p>{messageErreur(erreur)}</p>
                {erreur instanceof ApiError && erreur.status === 400 ? <DetailsErreur details={erreur.details} /> : null}
                <p>Corrigez si besoin (touchez « Étape précédente »), puis réessayez.</p>
              </Alerte>
            ) : null}
          </div>
        </div>
      ) : null}
    </Ecran>
  );
}

function DetailsErreur({ details }: { details: Record<string, unknown> }) {
  const lignes: string[] = [];
  const parcourir = (v: unknown) => {
    if (typeof v === 'string') lignes.push(v);
    else if (Array.isArray(v)) v.forEach(parcourir);
    else if (v && typeof v === 'object') Object.values(v).forEach(parcourir);
  };
  parcourir(details);
  if (lignes.length === 0) return null;
  return (
    <ul className="liste-erreurs">
      {lignes.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

interface ConfirmationProps {
  creee: SouscriptionCreee;
  paiement: EtatPaiement;
  produit: string;
  echeance: string;
  agence: string;
  onTerminer: () => void;
}

/** Printed at once on the receipt printer: the police number is the future sign-in. */
function Confirmation({ creee, paiement, produit, echeance, agence, onTerminer }: ConfirmationProps) {
  const imprimeeSeule = useImpressionImmediate();
  return (
    <div className="issue issue--succes" data-testid="souscription-confirmee">
      <div className="recu">
        <p className="recu__icone" aria-hidden="true">
          ✓
        </p>
        <h2 className="recu__titre">Bienvenue chez NSIA !</h2>
        <p>Votre paiement de {formatMontant(paiement.montant)} est confirmé et votre PASS est souscrit.</p>
        <dl className="grille-infos">
          <div>
            <dt>Produit</dt>
            <dd>{produit}</dd>
          </div>
          <div>
            <dt>Numéro de souscription</dt>
            <dd className="police" data-testid="numero-souscription">
              {paiement.numero_souscription || creee.souscription.numero_souscription}
            </dd>
          </div>
          <div>
            <dt>Numéro de police (pour vous identifier)</dt>
            <dd className="police" data-testid="numero-police">
              {paiement.numero_police ?? 'attribué prochainement : il vous sera envoyé par SMS ou WhatsApp'}
            </dd>
          </div>
          <div>
            <dt>Montant à payer (échéance)</dt>
            <dd>{echeance}</dd>
          </div>
          <div>
            <dt>Agence</dt>
            <dd>{agence}</dd>
          </div>
        </dl>
        <p className="petit" data-testid="impression-confirmation">
          {imprimeeSeule
            ? 'Cette confirmation sort de l’imprimante : gardez-la, elle porte vos numéros.'
            : 'Gardez ces numéros : ils vous serviront pour consulter votre compte et payer.'}{' '}
          Le numéro de police part aussi par SMS ou WhatsApp au téléphone du souscripteur, avec le reçu du paiement.
        </p>
      </div>
      <div className="rangee">
        <Bouton variante="secondaire" icone={<IconeImprimer />} onClick={() => void imprimer()}>
          {imprimeeSeule ? 'Imprimer encore' : 'Imprimer'}
        </Bouton>
        <Bouton grand onClick={onTerminer}>
          Terminer
        </Bouton>
      </div>
    </div>
  );
}
