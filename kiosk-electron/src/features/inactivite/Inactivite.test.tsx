import { act, fireEvent, screen } from '@testing-library/react';
import { connexionOk, dashboard, fauxReseau, json, rendreApp, seConnecterUI } from '../../test/utils';

async function avancer(secondes: number) {
  for (let i = 0; i < secondes; i++) {
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
  }
}

describe('inactivity', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'POST /auth/logout/': json(null, 204),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks "Êtes-vous toujours là ?" after the delay, counts down, then clears everything', async () => {
    rendreApp({ inactivitySeconds: 10, inactivityCountdownSeconds: 3 });
    seConnecterUI();
    await screen.findByText('Mes contrats');
    await avancer(9);
    expect(screen.queryByText('Êtes-vous toujours là ?')).not.toBeInTheDocument();
    await avancer(1);
    expect(screen.getByRole('alertdialog', { name: 'Êtes-vous toujours là ?' })).toBeInTheDocument();
    expect(screen.getByTestId('compte-a-rebours')).toHaveTextContent('3 s');
    await avancer(1);
    expect(screen.getByTestId('compte-a-rebours')).toHaveTextContent('2 s');
    await avancer(3);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' })).toBeInTheDocument();
    expect(screen.queryByText(/KONGO/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Terminer/ })).not.toBeInTheDocument();
  });

  it('a touch starts the wait again; "Oui, je continue" keeps the session', async () => {
    rendreApp({ inactivitySeconds: 10, inactivityCountdownSeconds: 3 });
    seConnecterUI();
    await screen.findByText('Mes contrats');
    await avancer(8);
    fireEvent.pointerDown(document.body);
    await avancer(8);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await avancer(2);
    fireEvent.click(screen.getByRole('button', { name: 'Oui, je continue' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await avancer(5);
    expect(screen.getByText('Mes contrats')).toBeInTheDocument();
  });

  it('also clears a subscription being typed by someone who walked away', async () => {
    fauxReseau({ 'GET /produits/': [] });
    rendreApp({ inactivitySeconds: 5, inactivityCountdownSeconds: 2 });
    fireEvent.click(screen.getByRole('button', { name: /Souscrire un PASS/ }));
    await avancer(8);
    expect(screen.getByRole('heading', { name: 'Bienvenue chez NSIA Assurances' })).toBeInTheDocument();
  });

  it('never starts on the home screen', async () => {
    rendreApp({ inactivitySeconds: 2, inactivityCountdownSeconds: 2 });
    await avancer(5);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
