import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Maintenance } from './app/Maintenance';
import { ConfigError, loadConfig } from './lib/config';
import './styles.css';

const racine = createRoot(document.getElementById('root')!);

loadConfig().then(
  (config) =>
    racine.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  (e: unknown) =>
    racine.render(<Maintenance raison={e instanceof ConfigError ? e.message : 'configuration illisible'} />),
);

// Long-press context menus and pinch/double-tap zoom have no place at a kiosk.
window.addEventListener('contextmenu', (e) => e.preventDefault());
