import { act, fireEvent, screen } from '@testing-library/react';
import { connexionOk, dashboard, fauxReseau, json, rendreApp, seConnecterUI } from '../../../test/utils';

describe('Relevé', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:releve-1');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    delete window.borne;
  });

  const pdf = () => new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } });

  it('previews the PDF from memory, prints through the Electron shell, and revokes the URL on leave', async () => {
    const print = vi.fn().mockResolvedValue(true);
    window.borne = { print, version: () => '1.0.0' };
    const reseau = fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /clients/CG-2024-VIE-001/releve.pdf': pdf,
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Voir et imprimer mon relevé/ }));
    const apercu = await screen.findByTestId('releve-apercu');
    expect(apercu).toHaveAttribute('src', 'blob:releve-1#toolbar=0&navpanes=0');
    const appel = reseau.appels.find((a) => a.path.endsWith('releve.pdf'));
    expect((appel?.init.headers as Record<string, string>).Authorization).toBe('Bearer ACCESS');
    fireEvent.click(screen.getByRole('button', { name: /Imprimer mon relevé/ }));
    expect(await screen.findByText('Impression lancée')).toBeInTheDocument();
    expect(print).toHaveBeenCalledOnce();
    expect(new TextDecoder().decode(print.mock.calls[0][0] as ArrayBuffer)).toBe('%PDF-1.4');
    fireEvent.click(screen.getByRole('button', { name: /Mon compte/ }));
    await act(async () => {});
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:releve-1');
  });

  it('explains when the statement cannot be prepared', async () => {
    fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /clients/CG-2024-VIE-001/releve.pdf': json({ code: 'erreur', message: 'Relevé indisponible pour le moment.' }, 409),
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Voir et imprimer mon relevé/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Relevé indisponible pour le moment.');
  });
});
