import { useEffect, useRef, useState } from 'react';
import { Alerte } from '../../../components/Alerte';
import { Chargement } from '../../../components/Attente';
import { Bouton } from '../../../components/Bouton';
import { Ecran } from '../../../components/Ecran';
import { IconeImprimer } from '../../../components/Icones';
import { useRequete } from '../../../hooks/useRequete';
import { messageErreur } from '../../../lib/api';
import { imprimer } from '../../../lib/impression';
import { useBorne } from '../../../stores/borne';
import { lireReleve } from '../api/releve';

export function Releve() {
  const { api, session, naviguer } = useBorne();
  const police = session?.police ?? '';
  const { donnees: pdf, erreur, chargement, recharger } = useRequete(() => lireReleve(api, police), [police]);
  const [url, setUrl] = useState<string | null>(null);
  const [impression, setImpression] = useState<'non' | 'en_cours' | 'faite' | 'echec'>('non');
  const cadre = useRef<HTMLIFrameElement>(null);

  // The object URL lives only while this screen is shown. Created and revoked by the same effect
  // (so React's double mount in development never leaves a revoked URL on screen): the state is
  // set from the effect on purpose.
  useEffect(() => {
    if (!pdf) return;
    const u = URL.createObjectURL(pdf);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [pdf]);

  async function lancerImpression() {
    setImpression('en_cours');
    try {
      await imprimer({ cadre: cadre.current, pdf });
      setImpression('faite');
    } catch {
      setImpression('echec');
    }
  }

  return (
    <Ecran
      titre="Mon relevé"
      onRetour={() => naviguer({ nom: 'tableau' })}
      libelleRetour="Mon compte"
      large
      actions={
        url ? (
          <Bouton grand icone={<IconeImprimer />} onClick={lancerImpression} disabled={impression === 'en_cours'}>
            {impression === 'en_cours' ? 'Impression…' : 'Imprimer mon relevé'}
          </Bouton>
        ) : undefined
      }
    >
      {/* The statement service prints every contrat at once: said plainly, not promised per contrat. */}
      <p className="consigne">Ce relevé couvre tous vos contrats.</p>
      {chargement ? <Chargement texte="Préparation de votre relevé…" /> : null}
      {erreur && !chargement ? (
        <Alerte titre="Le relevé n'a pas pu être préparé" action={<Bouton onClick={recharger}>Réessayer</Bouton>}>
          <p>{messageErreur(erreur)}</p>
        </Alerte>
      ) : null}
      {impression === 'faite' ? (
        <Alerte ton="succes" titre="Impression lancée">
          <p>Récupérez votre relevé à l'imprimante de la borne.</p>
        </Alerte>
      ) : null}
      {impression === 'echec' ? (
        <Alerte titre="L'impression n'a pas pu être lancée">
          <p>Réessayez, ou demandez votre relevé à un conseiller au guichet.</p>
        </Alerte>
      ) : null}
      {url ? <iframe
          ref={cadre}
          className="releve"
          // No toolbar: no download button at a kiosk; printing is the big button below.
          src={`${url}#toolbar=0&navpanes=0`}
          title="Aperçu du relevé"
          data-testid="releve-apercu"
        /> : null}
    </Ecran>
  );
}
