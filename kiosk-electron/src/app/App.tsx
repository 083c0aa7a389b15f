import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createApiClient, type ApiClient } from '../lib/api';
import type { Config } from '../lib/config';
import { BorneContext, type Borne, type Ecran, type SessionClient } from '../stores/borne';
import { Accueil } from '../features/accueil/components/Accueil';
import { Connexion } from '../features/auth/components/Connexion';
import { seDeconnecter } from '../features/auth/api/connexion';
import { TableauDeBord } from '../features/tableau/components/TableauDeBord';
import { DetailContrat } from '../features/contrat/components/DetailContrat';
import { Payer } from '../features/paiement/components/Payer';
import { PayerPrioritaire } from '../features/paiement/components/PayerPrioritaire';
import { Releve } from '../features/releve/components/Releve';
import { Souscrire } from '../features/souscription/components/Souscrire';
import { Produits } from '../features/produits/components/Produits';
import { AlerteInactivite } from '../features/inactivite/components/AlerteInactivite';
import { useInactivite } from '../features/inactivite/hooks/useInactivite';
import { Indisponible } from '../features/indisponible/components/Indisponible';
import { DeclarerSinistre } from '../features/sinistre/components/DeclarerSinistre';
import { GererBeneficiaires } from '../features/beneficiaires/components/GererBeneficiaires';

const ACCUEIL: Ecran = { nom: 'accueil' };

function EcranCourant({ ecran }: { ecran: Ecran }) {
  switch (ecran.nom) {
    case 'accueil':
      return <Accueil />;
    case 'connexion':
      return <Connexion apres={ecran.apres} />;
    case 'tableau':
      return <TableauDeBord />;
    case 'contrat':
      return <DetailContrat police={ecran.police} />;
    case 'payer-choix':
      return <PayerPrioritaire />;
    case 'payer':
      return <Payer police={ecran.police} besoin={ecran.besoin} />;
    case 'sinistre':
      return <DeclarerSinistre police={ecran.police} />;
    case 'beneficiaires':
      return <GererBeneficiaires police={ecran.police} />;
    case 'releve':
      return <Releve />;
    case 'souscrire':
      return <Souscrire produitInitial={ecran.produit} />;
    case 'produits':
      return <Produits />;
  }
}

/** Screens that need a signed-in client. */
const PRIVES = new Set<Ecran['nom']>(['tableau', 'contrat', 'payer-choix', 'payer', 'releve', 'sinistre', 'beneficiaires']);

export function App({ config, api: apiFourni }: { config: Config; api?: ApiClient }) {
  const [ecran, setEcran] = useState<Ecran>(ACCUEIL);
  const [session, setSession] = useState<SessionClient | null>(null);
  const [indisponible, setIndisponible] = useState(false);
  // Changing it remounts every screen: nothing of the previous client survives.
  const [generation, setGeneration] = useState(0);
  const [reprise, setReprise] = useState(0);
  const [avis, setAvis] = useState<string | null>(null);
  const terminerRef = useRef<(avis?: string) => void>(() => {});

  const api = useMemo(
    () =>
      apiFourni ??
      // The client calls this long after rendering (a refresh refused), never while rendering:
      // the compiler rule cannot know it.
      // eslint-disable-next-line react-hooks/refs
      createApiClient(config, {
        onSessionExpiree: () => terminerRef.current('Votre session a expiré. Identifiez-vous à nouveau pour continuer.'),
      }),
    [apiFourni, config],
  );

  const terminer = useCallback((message?: string) => {
    void seDeconnecter(api);
    setAvis(typeof message === 'string' ? message : null);
    setSession(null);
    setIndisponible(false);
    setEcran(ACCUEIL);
    setGeneration((g) => g + 1);
  }, [api]);
  useLayoutEffect(() => {
    terminerRef.current = terminer;
  });

  const naviguer = useCallback(
    (suivant: Ecran) => {
      if (PRIVES.has(suivant.nom) && !api.estConnecte()) {
        setEcran({ nom: 'connexion', apres: suivant.nom === 'payer' || suivant.nom === 'payer-choix' ? 'payer' : 'compte' });
        return;
      }
      setAvis(null);
      setEcran(suivant);
    },
    [api],
  );

  const connecter = useCallback((s: SessionClient, suite: Ecran) => {
    setSession(s);
    setEcran(suite);
  }, []);

  const signalerIndisponible = useCallback(() => setIndisponible(true), []);
  const retabli = useCallback(() => {
    setIndisponible(false);
    setReprise((r) => r + 1);
  }, []);

  const borne: Borne = useMemo(
    () => ({ config, api, ecran, session, naviguer, connecter, terminer: () => terminer(), signalerIndisponible, avis }),
    [config, api, ecran, session, naviguer, connecter, terminer, signalerIndisponible, avis],
  );

  const inactivite = useInactivite({
    actif: ecran.nom !== 'accueil' || session !== null || indisponible,
    delaiSecondes: config.inactivitySeconds,
    compteAReboursSecondes: config.inactivityCountdownSeconds,
    onExpire: () => terminer(),
  });

  return (
    <BorneContext.Provider value={borne}>
      {indisponible ? (
        <Indisponible api={api} onRetabli={retabli} onTerminer={session ? () => terminer() : undefined} />
      ) : (
        <div className="app" key={`${generation}-${reprise}`} data-ecran={ecran.nom}>
          <EcranCourant ecran={ecran} />
        </div>
      )}
      {inactivite.alerte ? (
        <AlerteInactivite
          restant={inactivite.restant}
          total={config.inactivityCountdownSeconds}
          onContinuer={inactivite.continuer}
          onTerminer={() => terminer()}
        />
      ) : null}
    </BorneContext.Provider>
  );
}
