import { Logo } from '../components/Ecran';

/** Shown when config.json is missing or invalid: nothing else can work. */
export function Maintenance({ raison }: { raison: string }) {
  return (
    <div className="indisponible" role="alert">
      <Logo />
      <h1 className="indisponible__titre">Borne en maintenance</h1>
      <p className="indisponible__texte">
        Cette borne n'est pas disponible pour le moment. Un conseiller NSIA peut vous aider au guichet.
      </p>
      <p className="indisponible__technique">Détail technique : {raison}</p>
    </div>
  );
}
