import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Demarrage } from './app/Demarrage';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Demarrage />
  </StrictMode>,
);

// Long-press context menus have no place at a kiosk.
window.addEventListener('contextmenu', (e) => e.preventDefault());
