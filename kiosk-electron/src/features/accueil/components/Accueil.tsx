import { Alerte } from '../../../components/Alerte';
import { Ecran } from '../../../components/Ecran';
import { IconeCompte, IconeProduits, IconeSouscrire, IconeTelephone } from '../../../components/Icones';
import { useBorne } from '../../../stores/borne';
import { formatMontant } from '../../../utils/format';
import { useState, type ReactNode } from 'react';
import { Bouton } from '../../../components/Bouton';
import { appelerUnAgent } from '../api/agent';

interface Choix {
  titre: string;
  texte: string;
  icone: ReactNode;
  aller: () => void;
}

export function Accueil() {
  const { naviguer, session, avis } = useBorne();
  const choix: Choix[] = [
    {
      titre: 'Consulter mon compte',
      texte: 'Ce que je dois, mes contrats, mon relevé',
      icone: <IconeCompte />,
      aller: () => naviguer(session ? { nom: 'tableau' } : { nom: 'connexion', apres: 'compte' }),
    },
    {
      titre: 'Payer ma prime',
      texte: 'Par MTN Mobile Money',
      icone: <IconeTelephone />,
      aller: () => naviguer(session ? { nom: 'payer-choix' } : { nom: 'connexion', apres: 'payer' }),
    },
    {
      titre: 'Souscrire un PASS',
      texte: `Dès ${formatMontant(100)}, en quelques minutes`,
      icone: <IconeSouscrire />,
      aller: () => naviguer({ nom: 'souscrire' }),
    },
    {
      titre: 'Découvrir nos produits',
      texte: 'PASS KIMIA, BATELA et SALISA',
      icone: <IconeProduits />,
      aller: () => naviguer({ nom: 'produits' }),
    },
  ];
  return (
    <Ecran titre="Bienvenue chez NSIA Assurances">
      {avis ? <Alerte ton="info" titre={avis} /> : null}
      <p className="consigne">Touchez ce que vous souhaitez faire.</p>
      <nav className="tuiles" aria-label="Que souhaitez-vous faire ?">
        {choix.map((c) => (
          <button type="button" key={c.titre} className="tuile" onClick={c.aller}>
            <span className="tuile__icone" aria-hidden="true">
              {c.icone}
            </span>
            <span className="tuile__titre">{c.titre}</span>
            <span className="tuile__texte">{c.texte}</span>
          </button>
        ))}
      </nav>
      <AppelAgent />
    </Ecran>
  );
}

/** "Besoin d'aide ?": the borne tells the agents (the admin shows which borne asks). */
function AppelAgent() {
  const { api } = useBorne();
  const [etat, setEtat] = useState<'repos' | 'envoi' | 'envoye' | 'echec'>('repos');
  async function appeler() {
    setEtat('envoi');
    try {
      await appelerUnAgent(api);
      setEtat('envoye');
    } catch {
      setEtat('echec');
    }
  }
  return (
    <section className="aide" aria-live="polite">
      {etat === 'envoye' ? (
        <Alerte ton="succes" titre="Un agent NSIA a été prévenu : il arrive.">
          <p>Restez près de la borne.</p>
        </Alerte>
      ) : (
        <>
          <Bouton variante="secondaire" grand onClick={appeler} disabled={etat === 'envoi'} data-testid="appeler-agent">
            <span aria-hidden="true">☎</span> Besoin d'aide ? Appeler un agent
          </Bouton>
          {etat === 'echec' ? (
            <p className="texte-erreur">L'appel n'est pas parti (problème de réseau). Adressez-vous au guichet.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
