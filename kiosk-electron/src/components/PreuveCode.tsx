import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alerte } from './Alerte';
import { Chargement } from './Attente';
import { Bouton } from './Bouton';
import { ChampClavier, ClavierChiffres } from './Clavier';
import { ApiError, NetworkError, messageErreur } from '../lib/api';
import { useBorne } from '../stores/borne';
import { formatTelephone } from '../utils/format';
import { demanderCode, verifierCode } from '../api/preuve';

const CHIFFRES_CODE = 6;

interface PreuveCodeProps {
  /** The telephone to prove (+242…): the code is sent there. */
  telephone: string;
  /** Why a code is asked, in plain words. */
  raison: string;
  /** The `code_preuve` given by the API for the right code. */
  onPreuve: (codePreuve: string) => void;
  onAnnuler: () => void;
  libelleAnnuler?: string;
}

/** "3 min" or "40 s": how long before a new code may be asked. */
function duree(secondes: number): string {
  return secondes >= 60 ? `${Math.ceil(secondes / 60)} min` : `${secondes} s`;
}

function AlerteCode({ erreur }: { erreur: unknown }) {
  if (erreur instanceof ApiError && erreur.code === 'code_incorrect') {
    return (
      <Alerte titre="Ce code n'est pas le bon">
        <p>{erreur.message} Vérifiez le dernier message reçu, puis tapez ses 6 chiffres.</p>
      </Alerte>
    );
  }
  if (erreur instanceof ApiError && erreur.code === 'code_epuise') {
    return (
      <Alerte titre="Trop d'essais pour ce code">
        <p>Par sécurité, ce code ne marche plus. Touchez « Renvoyer le code » pour en recevoir un nouveau.</p>
      </Alerte>
    );
  }
  if (erreur instanceof ApiError && erreur.code === 'code_expire') {
    return (
      <Alerte titre="Ce code n'est plus valable">
        <p>
          Un code ne sert que 5 minutes, et un nouveau code remplace le précédent. Touchez « Renvoyer le code » pour en
          recevoir un nouveau.
        </p>
      </Alerte>
    );
  }
  return (
    <Alerte titre={erreur instanceof NetworkError ? 'Problème de réseau' : "Le code n'a pas pu être vérifié"}>
      <p>{messageErreur(erreur)}</p>
    </Alerte>
  );
}

/**
 * The code proof of a telephone: a 6-digit code is sent there (SMS or WhatsApp), typed on the
 * keypad, checked by the API, which gives a `code_preuve` for the action to retry. Every refusal
 * says what to do next, and leaving stays possible.
 */
export function PreuveCode({ telephone, raison, onPreuve, onAnnuler, libelleAnnuler = 'Annuler' }: PreuveCodeProps) {
  const { api } = useBorne();
  const [code, setCode] = useState('');
  const [envoi, setEnvoi] = useState<'envoi' | 'envoye' | 'echec'>('envoi');
  const [erreurEnvoi, setErreurEnvoi] = useState<unknown>(null);
  const [erreurCode, setErreurCode] = useState<unknown>(null);
  const [verification, setVerification] = useState(false);
  // Set by a 429: no new code before this time (the API's Retry-After).
  const [attenteJusqua, setAttenteJusqua] = useState<number | null>(null);
  const [maintenant, setMaintenant] = useState(() => Date.now());
  const demandeInitiale = useRef(false);
  const verrou = useRef(false);

  const restant = attenteJusqua === null ? 0 : Math.max(0, Math.ceil((attenteJusqua - maintenant) / 1000));
  const sansCanal = erreurEnvoi instanceof ApiError && erreurEnvoi.code === 'canal_indisponible';

  useEffect(() => {
    if (attenteJusqua === null) return undefined;
    const minuteur = setInterval(() => setMaintenant(Date.now()), 1000);
    return () => clearInterval(minuteur);
  }, [attenteJusqua]);

  async function envoyerCode() {
    if (verrou.current) return;
    verrou.current = true;
    setEnvoi('envoi');
    setErreurEnvoi(null);
    setErreurCode(null);
    setCode('');
    try {
      await demanderCode(api, telephone);
      setEnvoi('envoye');
    } catch (e) {
      setErreurEnvoi(e);
      setEnvoi('echec');
      if (e instanceof ApiError && e.status === 429) {
        const maintenantEnvoi = Date.now();
        setMaintenant(maintenantEnvoi);
        setAttenteJusqua(maintenantEnvoi + (e.retryAfter ?? 60) * 1000);
      }
    } finally {
      verrou.current = false;
    }
  }

  // The latest envoyerCode, for the effect below that runs once.
  const envoyerCodeRecent = useRef(envoyerCode);
  useLayoutEffect(() => {
    envoyerCodeRecent.current = envoyerCode;
  });

  useEffect(() => {
    if (demandeInitiale.current) return;
    demandeInitiale.current = true;
    void envoyerCodeRecent.current();
    // Once, when the screen opens; later codes only on "Renvoyer le code".
  }, []);

  async function valider() {
    if (code.length !== CHIFFRES_CODE || verrou.current) return;
    verrou.current = true;
    setVerification(true);
    setErreurCode(null);
    try {
      const preuve = await verifierCode(api, telephone, code);
      verrou.current = false;
      onPreuve(preuve);
      return;
    } catch (e) {
      setErreurCode(e);
      setCode('');
    }
    verrou.current = false;
    setVerification(false);
  }

  const numero = formatTelephone(telephone);
  return (
    <div className="preuve-code" data-testid="preuve-code">
      <p className="consigne">{raison}</p>
      {envoi === 'envoi' ? <Chargement texte={`Envoi d'un code au ${numero}…`} /> : null}
      {envoi === 'envoye' ? (
        <Alerte ton="info" titre={`Un code à 6 chiffres vient d'être envoyé par SMS ou WhatsApp au ${numero}.`}>
          <p>Il est valable 5 minutes. Tapez-le ci-dessous. Ne le donnez à personne d'autre qu'à cette borne.</p>
        </Alerte>
      ) : null}
      {erreurEnvoi instanceof ApiError && erreurEnvoi.status === 429 ? (
        <Alerte titre="Trop de codes demandés pour ce téléphone">
          <p>
            {restant > 0
              ? `Vous pourrez en demander un nouveau dans ${duree(restant)}.`
              : 'Vous pouvez maintenant demander un nouveau code.'}{' '}
            Si un code est arrivé il y a moins de 5 minutes, tapez-le.
          </p>
        </Alerte>
      ) : sansCanal ? (
        <Alerte titre="Le code ne peut pas être envoyé">
          <p>{messageErreur(erreurEnvoi)}</p>
        </Alerte>
      ) : erreurEnvoi ? (
        <Alerte titre={erreurEnvoi instanceof NetworkError ? 'Problème de réseau' : "Le code n'a pas pu être envoyé"}>
          <p>{messageErreur(erreurEnvoi)} Touchez « Renvoyer le code » pour réessayer.</p>
        </Alerte>
      ) : null}
      {erreurCode ? <AlerteCode erreur={erreurCode} /> : null}
      <div className="preuve-code__corps">
        {!sansCanal ? (
          <div className="preuve-code__saisie">
            <ChampClavier
              id="champ-code"
              libelle="Code reçu (6 chiffres)"
              affichage={code}
              actif
              onActiver={() => undefined}
              erreur={erreurCode !== null}
            />
            <ClavierChiffres libelle="Clavier du code" valeur={code} onChange={setCode} max={CHIFFRES_CODE} desactive={verification} />
          </div>
        ) : null}
        <div className="rangee">
          {!sansCanal ? (
            <Bouton grand onClick={() => void valider()} disabled={code.length !== CHIFFRES_CODE || verification} data-testid="valider-code">
              {verification ? 'Vérification…' : 'Valider le code'}
            </Bouton>
          ) : null}
          {!sansCanal ? (
            <Bouton
              variante="secondaire"
              onClick={() => void envoyerCode()}
              disabled={envoi === 'envoi' || verification || restant > 0}
              data-testid="renvoyer-code"
            >
              {restant > 0 ? `Renvoyer le code (dans ${duree(restant)})` : 'Renvoyer le code'}
            </Bouton>
          ) : null}
          <Bouton variante="secondaire" onClick={onAnnuler} data-testid="annuler-preuve">
            {libelleAnnuler}
          </Bouton>
        </div>
      </div>
    </div>
  );
}
