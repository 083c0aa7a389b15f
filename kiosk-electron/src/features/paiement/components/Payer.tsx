import { useMemo, useRef, useState } from 'react';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { ChampClavier, ClavierChiffres } from '../../../components/Clavier';
import { Ecran } from '../../../components/Ecran';
import { useRequete } from '../../../hooks/useRequete';
import { NetworkError, messageErreur, nouvelleCleIdempotence } from '../../../lib/api';
import type { Besoin } from '../../../lib/contrats';
import { useBorne } from '../../../stores/borne';
import type { ContratResume } from '../../../types/api';
import { formatDate, formatMontant } from '../../../utils/format';
import { lireContrat } from '../../../api/compte';
import { initierPaiement, type DemandePaiement } from '../api/paiements';
import { AttentePaiement } from '../../../components/AttentePaiement';
import { Recu } from './Recu';
import { SaisiePayeur, numeroPayeur, operateurPayeur, payeurPropose, payeurValide, type Payeur } from '../../../components/SaisiePayeur';

export interface OptionPaiement {
  id: 'arrieres' | 'echeance' | 'renouvellement' | 'avance' | 'autre';
  titre: string;
  texte: string;
  montant: number;
  renouvellement?: true;
}

/** Proposed amounts, in plain words, best first; never empty while the contrat can be paid. */
export function optionsPaiement(c: ContratResume): OptionPaiement[] {
  const options: OptionPaiement[] = [];
  if (c.arrieres > 0) {
    options.push({ id: 'arrieres', titre: 'Payer ce qui est en retard', texte: 'Les arriérés, en une fois', montant: c.arrieres });
  }
  if (c.prochaine_echeance && c.prochaine_echeance.montant > 0) {
    options.push({
      id: 'echeance',
      titre: 'Payer le prochain paiement',
      texte: `Échéance du ${formatDate(c.prochaine_echeance.date)}`,
      montant: c.prochaine_echeance.montant,
    });
  }
  if ((c.etat === 'expire' || c.renouvelable) && c.montant_echeance > 0) {
    options.push({
      id: 'renouvellement',
      titre: 'Renouveler mon PASS',
      texte: 'Pour une nouvelle année de protection',
      montant: c.montant_echeance,
      renouvellement: true,
    });
  }
  if (options.length === 0 && c.etat !== 'expire' && c.montant_echeance > 0) {
    // Paid up with nothing left to come: an advance of one usual payment is proposed.
    options.push({ id: 'avance', titre: "Payer d'avance", texte: 'Un paiement habituel', montant: c.montant_echeance });
  }
  return options;
}

const CHOIX_PAR_BESOIN: Record<Besoin, OptionPaiement['id'][]> = {
  regulariser: ['arrieres'],
  renouveler: ['renouvellement'],
  avance: ['echeance', 'avance'],
};

/** The option that fits why the person came (the card's button), else the first one. */
export function optionParDefaut(options: OptionPaiement[], besoin?: Besoin): OptionPaiement['id'] {
  const voulu = besoin ? options.find((o) => CHOIX_PAR_BESOIN[besoin].includes(o.id)) : undefined;
  return voulu?.id ?? options[0]?.id ?? 'autre';
}

const MONTANT_MAX_CHIFFRES = 7;

interface PaiementEnCours {
  reference: string;
  montant: number;
  numeroPayeur: string;
}

export function Payer({ police, besoin }: { police: string; besoin?: Besoin }) {
  const { api, session, config, naviguer } = useBorne();
  const { donnees: contrat, erreur: erreurChargement, chargement, recharger } = useRequete(
    () => lireContrat(api, police),
    [police],
  );
  const options = useMemo(() => (contrat ? optionsPaiement(contrat) : []), [contrat]);
  const [choix, setChoix] = useState<OptionPaiement['id'] | null>(null);
  const [autre, setAutre] = useState('');
  const [clavier, setClavier] = useState<'montant' | 'payeur' | null>(() =>
    payeurPropose(session?.client.telephone).chiffres ? null : 'payeur',
  );
  const [payeur, setPayeur] = useState<Payeur>(() => payeurPropose(session?.client.telephone));
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<unknown>(null);
  const [enCours, setEnCours] = useState<PaiementEnCours | null>(null);
  // One payment intent = one Idempotency-Key, kept while the request is the same.
  const intention = useRef<{ signature: string; cle: string } | null>(null);
  const verrou = useRef(false);

  const choisi = choix ?? optionParDefaut(options, besoin);
  const option = options.find((o) => o.id === choisi);
  const montant = choisi === 'autre' ? Number(autre || '0') : (option?.montant ?? 0);
  const pret = montant > 0 && payeurValide(payeur) && !envoi;

  async function payer() {
    if (verrou.current || !pret) return;
    verrou.current = true;
    setEnvoi(true);
    setErreur(null);
    const demande: DemandePaiement = { montant, numero_payeur: numeroPayeur(payeur), operateur: operateurPayeur(payeur) };
    if (option?.renouvellement && choisi !== 'autre') demande.renouvellement = true;
    const signature = JSON.stringify([police, demande]);
    if (intention.current?.signature !== signature) {
      intention.current = { signature, cle: nouvelleCleIdempotence() };
    }
    try {
      const r = await initierPaiement(api, police, demande, intention.current.cle);
      setEnCours({ reference: r.reference, montant: r.montant ?? montant, numeroPayeur: demande.numero_payeur! });
    } catch (e) {
      setErreur(e);
    } finally {
      verrou.current = false;
      setEnvoi(false);
    }
  }

  function recommencer() {
    intention.current = null;
    setEnCours(null);
    setErreur(null);
  }

  const retourCompte = () => naviguer({ nom: 'tableau' });

  if (enCours) {
    return (
      <Ecran titre="Paiement">
        <AttentePaiement
          reference={enCours.reference}
          montant={enCours.montant}
          numeroPayeur={enCours.numeroPayeur}
          auth
          onRecommencer={recommencer}
          onQuitter={retourCompte}
          libelleQuitter="Retour à mon compte"
          succes={(p) => (
            <>
              <Recu paiement={p} agence={config.agence} />
              <div className="rangee">
                <Bouton grand onClick={retourCompte}>
                  Retour à mon compte
                </Bouton>
              </div>
            </>
          )}
        />
      </Ecran>
    );
  }

  return (
    <Ecran
      titre="Payer"
      onRetour={retourCompte}
      libelleRetour="Mon compte"
      actions={
        contrat ? (
          <Bouton grand onClick={payer} disabled={!pret} data-testid="bouton-payer">
            {envoi ? 'Envoi de la demande…' : montant > 0 ? `Payer ${formatMontant(montant)}` : 'Choisissez un montant'}
          </Bouton>
        ) : undefined
      }
    >
      {chargement ? <Chargement texte="Chargement du contrat…" /> : null}
      {erreurChargement && !chargement ? (
        <Alerte titre="Ce contrat n'a pas pu être affiché" action={<Bouton onClick={recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(erreurChargement)}</p>
        </Alerte>
      ) : null}
      {contrat ? (
        <div className="payer">
          <p className="payer__contrat">
            <strong>{contrat.produit.libelle}</strong> · police <span className="police">{contrat.numero_police}</span>
          </p>
          <div className="payer__colonnes">
            <section aria-labelledby="montant-titre">
              <h2 className="sous-titre" id="montant-titre">
                1. Montant
              </h2>
              <div className="options" role="radiogroup" aria-labelledby="montant-titre">
                {options.map((o) => (
                  <button
                    type="button"
                    key={o.id}
                    role="radio"
                    aria-checked={choisi === o.id}
                    className={`option${choisi === o.id ? ' option--choisie' : ''}`}
                    onClick={() => setChoix(o.id)}
                    disabled={envoi}
                    data-testid={`option-${o.id}`}
                  >
                    <span className="option__coche" aria-hidden="true">
                      {choisi === o.id ? '✓' : ''}
                    </span>
                    <span className="option__texte">
                      <span className="option__titre">{o.titre}</span>
                      <span className="option__detail">{o.texte}</span>
                    </span>
                    <span className="option__montant">{formatMontant(o.montant)}</span>
                  </button>
                ))}
                <button
                  type="button"
                  role="radio"
                  aria-checked={choisi === 'autre'}
                  className={`option${choisi === 'autre' ? ' option--choisie' : ''}`}
                  onClick={() => {
                    setChoix('autre');
                    setClavier('montant');
                  }}
                  disabled={envoi}
                  data-testid="option-autre"
                >
                  <span className="option__coche" aria-hidden="true">
                    {choisi === 'autre' ? '✓' : ''}
                  </span>
                  <span className="option__texte">
                    <span className="option__titre">Autre montant</span>
                    <span className="option__detail">À taper sur le clavier</span>
                  </span>
                </button>
              </div>
              {choisi === 'autre' ? (
                <div className="payer__autre">
                  <ChampClavier
                    id="champ-montant"
                    libelle="Montant en FCFA"
                    affichage={autre ? formatMontant(Number(autre)) : ''}
                    actif={clavier === 'montant'}
                    onActiver={() => setClavier('montant')}
                  />
                  {clavier === 'montant' ? (
                  <ClavierChiffres
                    libelle="Clavier du montant"
                    valeur={autre}
                    onChange={(v) => setAutre(v.replace(/^0+/, ''))}
                    max={MONTANT_MAX_CHIFFRES}
                    desactive={envoi}
                  />
                  ) : null}
                </div>
              ) : null}
            </section>
            <section aria-labelledby="payeur-titre">
              <h2 className="sous-titre" id="payeur-titre">
                2. Téléphone qui paie
              </h2>
              <SaisiePayeur
                valeur={payeur}
                onChange={setPayeur}
                sandbox={config.sandbox}
                clavierOuvert={clavier === 'payeur'}
                onOuvrirClavier={() => setClavier('payeur')}
                desactive={envoi}
              />
            </section>
          </div>
          {erreur instanceof NetworkError ? (
            <Alerte titre="Problème de réseau">
              <p>La borne n'a pas pu joindre le service : rien n'a été payé. Ce n'est pas une erreur de votre part.</p>
              <p>Touchez à nouveau le bouton « Payer » dans un instant.</p>
            </Alerte>
          ) : erreur ? (
            <Alerte titre="Le paiement n'a pas pu être lancé">
              <p>{messageErreur(erreur)}</p>
            </Alerte>
          ) : null}
        </div>
      ) : null}
    </Ecran>
  );
}
