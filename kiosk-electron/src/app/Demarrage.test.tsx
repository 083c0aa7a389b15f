import { render, screen } from '@testing-library/react';
import { loadConfig } from '../lib/config';
import { fauxReseau, json } from '../test/utils';
import { Demarrage } from './Demarrage';

describe('start-up', () => {
  it('starts on Accueil with the agency name from config.json', async () => {
    fauxReseau({});
    const f = vi.fn().mockResolvedValue(json({ apiBaseUrl: '', agence: 'Agence de Pointe-Noire', borneId: 'PNR-01', borneKey: 'k' }));
    render(<Demarrage charger={() => loadConfig(f, '/borne/', '')} />);
    expect(await screen.findByRole('heading', { name: 'Bienvenue chez NSIA Assurances' })).toBeInTheDocument();
    expect(screen.getByText('Agence de Pointe-Noire')).toBeInTheDocument();
    expect(f).toHaveBeenCalledWith('/borne/config.json', { cache: 'no-store' });
  });

  it('shows a clear maintenance screen when config.json is invalid', async () => {
    const f = vi.fn().mockResolvedValue(json({ apiBaseUrl: 'ftp://x', agence: 'A' }));
    render(<Demarrage charger={() => loadConfig(f, '/borne/', '')} />);
    expect(await screen.findByRole('heading', { name: 'Borne en maintenance' })).toBeInTheDocument();
    expect(screen.getByText(/apiBaseUrl/)).toBeInTheDocument();
  });

  it('shows the maintenance screen when config.json is missing', async () => {
    const f = vi.fn().mockResolvedValue(json({ code: 'introuvable' }, 404));
    render(<Demarrage charger={() => loadConfig(f, '/borne/', '')} />);
    expect(await screen.findByRole('heading', { name: 'Borne en maintenance' })).toBeInTheDocument();
  });
});
