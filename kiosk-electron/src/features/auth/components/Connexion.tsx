import { useEffect, useRef, useState } from 'react';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { ChampClavier, ClavierChiffres, ClavierPolice, TELEPHONE_CHIFFRES } from '../../../components/Clavier';
import { Ecran } from '../../../components/Ecran';
import { ApiError, NetworkError, messageErreur } from '../../../lib/api';
import { useBorne } from '../../../stores/borne';
import { formatDuree, grouperTelephone, telephoneCanonique } from '../../../utils/format';
import { seConnecter } from '../api/connexion';

type Champ = 'police' | 'telephone';

interface Probleme {
  titre: string;
  texte: string;
  champs?: Champ[];
}

const POLICE_VALIDE = /^CG-[A-Z0-9]+(-[A-Z0-9]+)+$/;

export function Connexion({ apres }: { apres: 'compte' | 'payer' }) {
  const { api, naviguer, connecter } = useBorne();
  const [police, setPolice] = useState('');
  const [chiffres, setChiffres] = useState('');
  const [actif, setActif] = useState<Champ>('police');
  const [envoi, setEnvoi] = useState(false);
  const [probleme, setProbleme] = useState<Probleme | null>(null);
  const [attente, setAttente] = useState(0);
  const enCours = useRef(false);

  // Too many attempts: count the wait down; the button stays off until it ends.
  useEffect(() => {
    if (attente <= 0) return;
    const id = setTimeout(() => setAttente((s) => s - 1), 1000);
    return () => clearTimeout(id);
  }, [attente]);

  const policeComplete = `CG-${police}`;
  const pret = POLICE_VALIDE.test(policeComplete) && chiffres.length === TELEPHONE_CHIFFRES;

  async function valider() {
    if (!pret || enCours.current || attente > 0) return;
    enCours.current = true;
    setEnvoi(true);
    setProbleme(null);
    try {
      const r = await seConnecter(api, policeComplete, telephoneCanonique(chiffres));
      api.ouvrirSession({ access: r.access, refresh: r.refresh });
      connecter(
        { client: r.client, police: r.police },
        apres === 'payer' ? { nom: 'payer', police: r.police } : { nom: 'tableau' },
      );
      return;
    } catch (e) {
      setProbleme(decrire(e));
      if (e instanceof ApiError && e.status === 429) setAttente(e.retryAfter ?? 60);
    } finally {
      enCours.current = false;
      setEnvoi(false);
    }
  }

  const champsEnErreur = probleme?.champs ?? [];

  return (
    <Ecran
      titre="Identifiez-vous"
      onRetour={() => naviguer({ nom: 'accueil' })}
      actions={
        <Bouton grand onClick={valider} disabled={!pret || envoi || attente > 0}>
          {envoi ? 'Vérification…' : 'Valider'}
        </Bouton>
      }
    >
      <p className="consigne">
        Tapez votre <strong>numéro de police</strong> puis votre <strong>numéro de téléphone</strong>, avec le
        clavier de l'écran.
      </p>
      <div className="connexion">
        <div className="connexion__champs">
          <ChampClavier
            id="champ-police"
            libelle="Numéro de police"
            prefixe="CG-"
            affichage={police}
            indice="Exemple : CG-2024-VIE-001"
            actif={actif === 'police'}
            onActiver={() => setActif('police')}
            erreur={champsEnErreur.includes('police')}
          />
          <ChampClavier
            id="champ-telephone"
            libelle="Numéro de téléphone"
            prefixe="+242"
            affichage={grouperTelephone(chiffres)}
            indice="9 chiffres, exemple : 06 123 45 67"
            actif={actif === 'telephone'}
            onActiver={() => setActif('telephone')}
            erreur={champsEnErreur.includes('telephone')}
          />
          {envoi ? <Chargement texte="Vérification de vos informations…" /> : null}
          {probleme ? (
            <Alerte titre={probleme.titre}>
              <p>{probleme.texte}</p>
              {attente > 0 ? (
                <p className="compte-a-rebours" aria-live="polite">
                  Vous pourrez réessayer dans <strong>{formatDuree(attente)}</strong>.
                </p>
              ) : null}
            </Alerte>
          ) : null}
        </div>
        <div className="connexion__clavier">
          {actif === 'police' ? (
            <>
              <ClavierPolice valeur={police} onChange={setPolice} desactive={envoi} />
              <Bouton variante="secondaire" onClick={() => setActif('telephone')}>
                Suivant : téléphone <span aria-hidden="true">→</span>
              </Bouton>
            </>
          ) : (
            <>
              <ClavierChiffres
                libelle="Clavier du numéro de téléphone"
                valeur={chiffres}
                onChange={setChiffres}
                max={TELEPHONE_CHIFFRES}
                desactive={envoi}
              />
              <Bouton variante="secondaire" onClick={() => setActif('police')}>
                <span aria-hidden="true">←</span> Modifier la police
              </Bouton>
            </>
          )}
        </div>
      </div>
    </Ecran>
  );
}

function decrire(e: unknown): Probleme {
  if (e instanceof NetworkError) {
    return {
      titre: 'Service momentanément indisponible',
      texte: 'La borne ne parvient pas à joindre le service. Patientez un instant puis touchez « Valider » à nouveau.',
    };
  }
  if (e instanceof ApiError) {
    if (e.code === 'identifiants_invalides') {
      return {
        titre: 'Numéro de police ou téléphone incorrect',
        texte: `${e.message} Vérifiez les deux numéros puis réessayez, ou adressez-vous à un conseiller.`,
        champs: ['police', 'telephone'],
      };
    }
    if (e.code === 'trop_de_tentatives' || e.status === 429) {
      return { titre: 'Trop de tentatives', texte: e.message };
    }
    if (e.status === 400) {
      const champs = Object.keys(e.details).filter((c): c is Champ => c === 'police' || c === 'telephone');
      const detail = Object.values(e.details)
        .flatMap((v) => (Array.isArray(v) ? v : [v]))
        .filter((v) => typeof v === 'string')
        .join(' ');
      return { titre: 'Information incomplète', texte: detail || e.message, champs };
    }
    if (e.code === 'borne_inconnue') {
      return { titre: "Borne non reconnue", texte: `${e.message} Adressez-vous à un conseiller NSIA.` };
    }
    return { titre: 'Connexion impossible', texte: e.message };
  }
  return { titre: 'Connexion impossible', texte: messageErreur(e) };
}
