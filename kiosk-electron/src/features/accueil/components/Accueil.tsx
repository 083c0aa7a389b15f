import { Alerte } from '../../../components/Alerte';
import { Ecran } from '../../../components/Ecran';
import { IconeCompte, IconeProduits, IconeSouscrire, IconeTelephone } from '../../../components/Icones';
import { useBorne } from '../../../stores/borne';
import type { ReactNode } from 'react';

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
      texte: 'Mon solde, mes contrats, mon relevé',
      icone: <IconeCompte />,
      aller: () => naviguer(session ? { nom: 'tableau' } : { nom: 'connexion', apres: 'compte' }),
    },
    {
      titre: 'Payer ma prime',
      texte: 'Par MTN Mobile Money',
      icone: <IconeTelephone />,
      aller: () => naviguer(session ? { nom: 'payer', police: session.police } : { nom: 'connexion', apres: 'payer' }),
    },
    {
      titre: 'Souscrire un PASS',
      texte: 'Dès 100 FCFA, en quelques minutes',
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
    </Ecran>
  );
}
