import { useEffect, useRef, type ReactNode } from 'react';
import { useBorne } from '../stores/borne';
import { Horloge } from './Horloge';

interface EcranProps {
  titre: string;
  /** Shows a "Retour" button. */
  onRetour?: () => void;
  libelleRetour?: string;
  children: ReactNode;
  /** Main actions pinned at the bottom (always visible without scrolling). */
  actions?: ReactNode;
  large?: boolean;
}

export function Logo() {
  return (
    <div className="logo" aria-label="NSIA Assurances">
      <span className="logo__marque" aria-hidden="true">
        NSIA
      </span>
      <span className="logo__texte">
        <span className="logo__nom">NSIA Assurances</span>
        <span className="logo__produit">PASS · Congo</span>
      </span>
    </div>
  );
}

/** Every screen: header (identity, agency, clock, "Terminer" when signed in), content, actions. */
export function Ecran({ titre, onRetour, libelleRetour = 'Retour', children, actions, large }: EcranProps) {
  const { config, session, terminer } = useBorne();
  const titreRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    titreRef.current?.focus();
  }, [titre]);

  return (
    <div className="ecran">
      <header className="entete">
        <Logo />
        <div className="entete__agence">{config.agence}</div>
        <Horloge />
      </header>
      <nav className="barre" aria-label="Retour et session">
        {onRetour ? (
          <button type="button" className="bouton bouton--discret barre__retour" onClick={onRetour}>
            <span aria-hidden="true">←</span> {libelleRetour}
          </button>
        ) : (
          <span />
        )}
        {session ? (
          <div className="barre__session">
            <span className="barre__client">
              {session.client.prenom} {session.client.nom}
            </span>
            <button type="button" className="bouton bouton--terminer" onClick={terminer}>
              <span aria-hidden="true" className="bouton__croix">×</span> Terminer
            </button>
          </div>
        ) : null}
      </nav>
      <main className={`contenu${large ? ' contenu--large' : ''}`}>
        <h1 className="titre" tabIndex={-1} ref={titreRef}>
          {titre}
        </h1>
        {children}
      </main>
      {actions ? <footer className="actions">{actions}</footer> : null}
    </div>
  );
}
