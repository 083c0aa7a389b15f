import { useState } from 'react';
import { lireContrat } from '../../../api/compte';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { BarreEtapes } from '../../../components/BarreEtapes';
import { Bouton } from '../../../components/Bouton';
import { ClavierTexte } from '../../../components/Clavier';
import { Ecran } from '../../../components/Ecran';
import { IconeImprimer } from '../../../components/Icones';
import { useImpressionImmediate } from '../../../hooks/useImpressionImmediate';
import { useEnvoiUnique } from '../../../hooks/useEnvoiUnique';
import { useRequete } from '../../../hooks/useRequete';
import { NetworkError, messageErreur } from '../../../lib/api';
import { imprimer } from '../../../lib/impression';
import { useBorne } from '../../../stores/borne';
import type { Sinistre } from '../../../types/api';
import { TYPES_SINISTRE, formatDate, libelle } from '../../../utils/format';
import { declarerSinistre, type DeclarationSinistre } from '../api/sinistres';
import { Calendrier, aujourdhuiIso, moisDe } from './Calendrier';

// Symbols the kiosk's font has (DejaVu): no emoji font is installed on the borne.
const PICTOS: Record<string, string> = { deces: '❀', accident: '⚠', hospitalisation: '✚', invalidite: '♿', autre: '?' };

/** Common cases, one tap each; the keypad adds details if the person wants. */
const CAS_COURANTS: Record<string, string[]> = {
  deces: ['Décès après une maladie', 'Décès après un accident'],
  accident: ['Accident de la route', 'Accident à la maison', 'Accident au travail'],
  hospitalisation: ['Maladie', 'Accouchement', 'Opération'],
  invalidite: ['Invalidité après un accident'],
  autre: ['Autre événement'],
};

const ETAPES = ['type', 'date', 'description', 'confirmer'] as const;
type Etape = (typeof ETAPES)[number];
const NOMS: Record<Etape, string> = { type: 'Quoi', date: 'Quand', description: 'Comment', confirmer: 'Vérifier' };

export function DeclarerSinistre({ police }: { police: string }) {
  const { api, naviguer, config } = useBorne();
  const contrat = useRequete(() => lireContrat(api, police), [police]);
  const [etape, setEtape] = useState<Etape>('type');
  const [type, setType] = useState<DeclarationSinistre['type'] | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [mois, setMois] = useState<[number, number] | null>(null);
  const [cas, setCas] = useState<string | null>(null);
  const [details, setDetails] = useState('');
  const envoi = useEnvoiUnique();
  const [declare, setDeclare] = useState<Sinistre | null>(null);
  const c = contrat.donnees;
  const index = ETAPES.indexOf(etape);
  const aujourdhui = aujourdhuiIso();
  const dateMax = c ? (c.date_expiration < aujourdhui ? c.date_expiration : aujourdhui) : aujourdhui;
  const description = [cas, details.trim()].filter(Boolean).join(' : ');

  const valide: Record<Etape, boolean> = { type: type !== null, date: date !== null, description: cas !== null, confirmer: true };

  async function envoyer() {
    if (!type || !date || !cas) return;
    const sinistre = await envoi.envoyer(() => declarerSinistre(api, police, { type, date_survenance: date, description }));
    if (sinistre) setDeclare(sinistre);
  }

  if (declare) {
    return (
      <Ecran titre="Sinistre déclaré">
        <ConfirmationSinistre sinistre={declare} police={police} agence={config.agence} onFin={() => naviguer({ nom: 'contrat', police })} />
      </Ecran>
    );
  }

  return (
    <Ecran
      titre="Déclarer un sinistre"
      onRetour={() => (index === 0 ? naviguer({ nom: 'contrat', police }) : setEtape(ETAPES[index - 1]))}
      libelleRetour={index === 0 ? 'Mon contrat' : 'Étape précédente'}
      actions={
        c ? (
          etape === 'confirmer' ? (
            <Bouton grand onClick={envoyer} disabled={envoi.envoi} data-testid="envoyer-sinistre">
              {envoi.envoi ? 'Envoi…' : 'Déclarer ce sinistre'}
            </Bouton>
          ) : (
            <Bouton grand onClick={() => setEtape(ETAPES[index + 1])} disabled={!valide[etape]} data-testid="bouton-suivant">
              Continuer <span aria-hidden="true">→</span>
            </Bouton>
          )
        ) : undefined
      }
    >
      <BarreEtapes etapes={ETAPES} courante={etape} noms={NOMS} />
      {contrat.chargement ? <Chargement texte="Chargement du contrat…" /> : null}
      {contrat.erreur && !contrat.chargement ? (
        <Alerte titre="Le contrat n'a pas pu être affiché" action={<Bouton onClick={contrat.recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(contrat.erreur)}</p>
        </Alerte>
      ) : null}
      {c && etape === 'type' ? (
        <div className="options" role="radiogroup" aria-label="Ce qui est arrivé">
          {c.types_sinistre_couverts.map((t) => (
            <button
              type="button"
              key={t}
              role="radio"
              aria-checked={type === t}
              className={`option${type === t ? ' option--choisie' : ''}`}
              onClick={() => {
                setType(t);
                setCas(null);
              }}
              data-testid={`type-${t}`}
            >
              <span className="option__picto" aria-hidden="true">
                {PICTOS[t] ?? '?'}
              </span>
              <span className="option__texte">
                <span className="option__titre">{libelle(TYPES_SINISTRE, t)}</span>
              </span>
            </button>
          ))}
        </div>
      ) : null}
      {c && etape === 'date' ? (
        <>
          <p className="consigne">
            Le jour où c'est arrivé (entre le {formatDate(c.date_effet)} et le {formatDate(dateMax)}).
          </p>
          <Calendrier min={c.date_effet} max={dateMax} valeur={date} onChange={setDate} mois={mois ?? moisDe(dateMax)} onMois={setMois} />
        </>
      ) : null}
      {c && etape === 'description' && type ? (
        <>
          <div className="pastilles-choix" role="radiogroup" aria-label="Ce qui s'est passé">
            {(CAS_COURANTS[type] ?? CAS_COURANTS.autre).map((x) => (
              <button
                type="button"
                key={x}
                role="radio"
                aria-checked={cas === x}
                className={`choix-rapide${cas === x ? ' choix-rapide--actif' : ''}`}
                onClick={() => setCas(x)}
              >
                {x}
              </button>
            ))}
          </div>
          <p className="sous-titre">Détails (si vous voulez)</p>
          <p className="champ__valeur champ__valeur--texte" data-testid="details-sinistre">
            {details || ' '}
          </p>
          <ClavierTexte libelle="Clavier des détails" valeur={details} onChange={setDetails} />
        </>
      ) : null}
      {c && etape === 'confirmer' && type && date ? (
        <section className="bloc recap" aria-label="Récapitulatif">
          <p>
            <span aria-hidden="true">{PICTOS[type]} </span>
            <strong>{libelle(TYPES_SINISTRE, type)}</strong> le {formatDate(date)}
          </p>
          <p>{description}</p>
          <p>
            Contrat {c.produit.libelle} · <span className="police">{police}</span>
          </p>
        </section>
      ) : null}
      {envoi.erreur ? (
        <Alerte titre={envoi.erreur instanceof NetworkError ? 'Problème de réseau' : "La déclaration n'a pas été enregistrée"}>
          <p>{envoi.erreur instanceof NetworkError ? 'Rien n’a été envoyé. Réessayez dans un instant.' : messageErreur(envoi.erreur)}</p>
        </Alerte>
      ) : null}
    </Ecran>
  );
}

function ConfirmationSinistre({ sinistre, police, agence, onFin }: { sinistre: Sinistre; police: string; agence: string; onFin: () => void }) {
  const imprimeeSeule = useImpressionImmediate();
  return (
    <div className="issue issue--succes" data-testid="sinistre-declare">
      <div className="recu">
        <p className="recu__icone" aria-hidden="true">
          ✓
        </p>
        <h2 className="recu__titre">Votre déclaration est enregistrée</h2>
        <dl className="grille-infos">
          <div>
            <dt>Numéro du sinistre</dt>
            <dd className="police" data-testid="numero-sinistre">
              {sinistre.id}
            </dd>
          </div>
          <div>
            <dt>Police</dt>
            <dd className="police">{police}</dd>
          </div>
          <div>
            <dt>Ce qui est arrivé</dt>
            <dd>
              {libelle(TYPES_SINISTRE, sinistre.type)} le {formatDate(sinistre.date_survenance)}
            </dd>
          </div>
          <div>
            <dt>Agence</dt>
            <dd>{agence}</dd>
          </div>
        </dl>
        <p className="petit">Un agent NSIA étudie votre dossier. Gardez ce numéro et apportez vos justificatifs en agence.</p>
      </div>
      <div className="rangee">
        <Bouton variante="secondaire" icone={<IconeImprimer />} onClick={() => void imprimer()}>
          {imprimeeSeule ? 'Imprimer encore' : 'Imprimer'}
        </Bouton>
        <Bouton grand onClick={onFin}>
          Retour à mon contrat
        </Bouton>
      </div>
    </div>
  );
}
