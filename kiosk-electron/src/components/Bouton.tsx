import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variante = 'principal' | 'secondaire' | 'discret' | 'danger' | 'succes';

interface BoutonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variante?: Variante;
  grand?: boolean;
  icone?: ReactNode;
}

/** Touch button: at least 64 px high, text at least 20 px. */
export function Bouton({ variante = 'principal', grand = false, icone, className = '', children, type = 'button', ...reste }: BoutonProps) {
  return (
    <button
      type={type}
      className={`bouton bouton--${variante}${grand ? ' bouton--grand' : ''} ${className}`.trim()}
      {...reste}
    >
      {icone ? (
        <span className="bouton__icone" aria-hidden="true">
          {icone}
        </span>
      ) : null}
      <span className="bouton__texte">{children}</span>
    </button>
  );
}
