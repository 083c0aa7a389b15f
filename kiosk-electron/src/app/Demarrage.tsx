import { useEffect, useState } from 'react';
import { ConfigError, loadConfig, type Config } from '../lib/config';
import { Chargement } from '../components/Attente';
import { App } from './App';
import { Maintenance } from './Maintenance';

/** Loads and validates config.json once, then starts the app (or says the kiosk is in maintenance). */
export function Demarrage({ charger = () => loadConfig() }: { charger?: () => Promise<Config> }) {
  const [etat, setEtat] = useState<{ config?: Config; erreur?: string }>({});
  useEffect(() => {
    charger().then(
      (config) => setEtat({ config }),
      (e: unknown) => setEtat({ erreur: e instanceof ConfigError ? e.message : 'configuration illisible' }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (etat.erreur) return <Maintenance raison={etat.erreur} />;
  if (etat.config) return <App config={etat.config} />;
  return (
    <div className="indisponible">
      <Chargement texte="Démarrage de la borne…" />
    </div>
  );
}
