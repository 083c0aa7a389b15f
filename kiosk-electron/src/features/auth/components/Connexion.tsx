import { useEffect, useRef, useState } from 'react';
import { Bouton } from '../../../components/Bouton';
import { ChampClavier, ClavierChiffres, TELEPHONE_CHIFFRES } from '../../../components/Clavier';
import { Ecran } from '../../../components/Ecran';
import { ApiError, NetworkError } from '../../../lib/api';
import { useBorne } from '../../../stores/borne';
import { formatDuree, grouperTelephone, telephoneCanonique } from '../../../utils/format';
import { seConnecter } from '../api/connexion';
import { ClavierPoliceGuide, POLICE_VIDE, ecrirePolice, policeComplete, type Police } from './SaisiePolice';

type Champ = 'police' | 'telephone';

interface Probleme {
  /** One sentence, said once, in one place. */
  texte: string;
  champs?: Champ[];
}

export function Connexion({ apres }: { apres: 'compte' | 'payer' }) {
  const { api, naviguer, connecter } = useBorne();
  const [police, setPolice] = useState<Police>(POLICE_VIDE);
  const [chiffres, setChiffres] = useState('');
  const [actif, setActif] = useState<Champ>('police');
  const [envoi, setEnvoi] = useState(false);
  const [probleme, setProbleme] = useState<Probleme | null>(null);
  // A lockout concerns the police that was refused, and only while its wait lasts.
  const [verrou, setVerrou] = useState<{ police: string; restant: number } | null>(null);
  const enCours = useRef(false);

  useEffect(() => {
    if (!verrou || verrou.restant <= 0) return;
    const id = setTimeout(() => setVerrou((v) => (v ? { ...v, restant: v.restant - 1 } : v)), 1000);
    return () => clearTimeout(id);
  }, [verrou]);

  const texte = ecrirePolice(police);
  const bloquee = verrou !== null && verrou.restant > 0 && verrou.police === texte;
  const pret = policeComplete(police) && chiffres.length === TELEPHONE_CHIFFRES;

  function changerPolice(p: Police) {
    setPolice(p);
    setProbleme(null);
  }

  function changerTelephone(c: string) {
    setChiffres(c);
    setProbleme(null);
  }

  async function valider() {
    if (!pret || enCours.current || bloquee) return;
    enCours.current = true;
    setEnvoi(true);
    setProbleme(null);
    try {
      const r = await seConnecter(api, texte, telephoneCanonique(chiffres));
      api.ouvrirSession({ access: r.access, refresh: r.refresh });
      connecter({ client: r.client, police: r.police }, apres === 'payer' ? { nom: 'payer-choix' } : { nom: 'tableau' });
      return;
    } catch (e) {
      setProbleme(decrire(e));
      if (e instanceof ApiError && e.status === 429) setVerrou({ police: texte, restant: e.retryAfter ?? 60 });
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
        <Bouton grand onClick={valider} disabled={!pret || envoi || bloquee}>
          {envoi ? 'Vérification…' : 'Valider'}
        </Bouton>
      }
    >
      <div className="connexion">
        <div className="connexion__champs">
          <ChampClavier
            id="champ-police"
            libelle="Numéro de police"
            prefixe="CG-"
            affichage={texte.replace(/^CG-?/, '')}
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
          {/* Always the same height: a message never moves the keypad under the finger. */}
          <div className="connexion__message" aria-live="polite" data-testid="message-connexion">
            {envoi ? <p>Vérification de vos informations…</p> : null}
            {probleme && !envoi ? (
              <p className="texte-erreur" role="alert">
                <span aria-hidden="true">⚠ </span>
                {probleme.texte}
                {bloquee ? (
                  <>
                    {' '}
                    Réessayez dans <strong>{formatDuree(verrou!.restant)}</strong>.
                  </>
                ) : null}
              </p>
            ) : null}
          </div>
        </div>
        <div className="connexion__clavier">
          {actif === 'police' ? (
            <>
              <ClavierPoliceGuide valeur={police} onChange={changerPolice} desactive={envoi} />
              {policeComplete(police) ? (
                <Bouton onClick={() => setActif('telephone')} data-testid="suivant-telephone">
                  Suivant : téléphone <span aria-hidden="true">→</span>
                </Bouton>
              ) : null}
            </>
          ) : (
            <>
              <ClavierChiffres
                libelle="Clavier du numéro de téléphone"
                valeur={chiffres}
                onChange={changerTelephone}
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
    return { texte: "Problème de réseau : vos numéros ne sont pas en cause. Touchez « Valider » dans un instant." };
  }
  if (e instanceof ApiError) {
    if (e.code === 'identifiants_invalides') {
      return { texte: 'Ce numéro de police et ce téléphone ne vont pas ensemble : vérifiez-les.', champs: ['police', 'telephone'] };
    }
    if (e.code === 'trop_de_tentatives' || e.status === 429) {
      return { texte: 'Trop d’essais avec cette police.' };
    }
    if (e.code === 'borne_inconnue') {
      return { texte: 'Cette borne n’est pas reconnue : adressez-vous à un conseiller NSIA.' };
    }
    if (e.status === 400) {
      const champs = Object.keys(e.details).filter((c): c is Champ => c === 'police' || c === 'telephone');
      const detail = Object.values(e.details)
        .flatMap((v) => (Array.isArray(v) ? v : [v]))
        .filter((v) => typeof v === 'string')
        .join(' ');
      return { texte: detail || e.message, champs };
    }
    if (e.status >= 500) {
      return { texte: 'Le service ne répond pas pour le moment : réessayez dans un instant.' };
    }
    return { texte: e.message };
  }
  return { texte: 'Une erreur inattendue est survenue : réessayez.' };
}
