import type { ReactNode } from 'react';

/** An error or information box: icon + sentence + what to do next. */
export function Alerte({ ton = 'erreur', titre, children, action }: {
  ton?: 'erreur' | 'info' | 'succes';
  titre?: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  const icone = ton === 'erreur' ? '!' : ton === 'succes' ? '✓' : 'i';
  return (
    <div className={`alerte alerte--${ton}`} role={ton === 'erreur' ? 'alert' : 'status'}>
      <span className="alerte__icone" aria-hidden="true">
        {icone}
      </span>
      <div className="alerte__corps">
        {titre ? <p className="alerte__titre">{titre}</p> : null}
        {children ? <div className="alerte__texte">{children}</div> : null}
        {action ? <div className="alerte__action">{action}</div> : null}
      </div>
    </div>
  );
}
