import { fireEvent, screen } from '@testing-library/react';
import { fauxReseau, json, rendreApp } from '../../../test/utils';

describe('Accueil', () => {
  it('offers the four choices with the agency name and the clock', () => {
    fauxReseau({});
    rendreApp();
    for (const nom of [/Consulter mon compte/, /Payer ma prime/, /Souscrire un PASS/, /Découvrir nos produits/]) {
      expect(screen.getByRole('button', { name: nom })).toBeInTheDocument();
    }
    expect(screen.getByText('Agence de Brazzaville – Centre-ville')).toBeInTheDocument();
    expect(screen.getByLabelText('Date et heure')).toHaveTextContent(/\d{2}:\d{2}/);
    expect(screen.queryByRole('button', { name: /Terminer/ })).not.toBeInTheDocument();
  });

  it('"Payer ma prime" asks for the numbers first', () => {
    fauxReseau({});
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Payer ma prime/ }));
    expect(screen.getByRole('heading', { name: 'Identifiez-vous' })).toBeInTheDocument();
    expect(screen.getByTestId('champ-police')).toHaveTextContent('CG');
    expect(screen.getByTestId('champ-telephone')).toHaveTextContent('+242');
  });

  it('"Appeler un agent" tells the agents, then says an agent is coming', async () => {
    const reseau = fauxReseau({ 'POST /borne/appel-agent/': json({ id: 1, date: '2024-10-01T10:00:00+01:00' }, 201) });
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Appeler un agent/ }));
    expect(await screen.findByText(/il arrive/)).toBeInTheDocument();
    const entetes = reseau.appels[0].init.headers as Record<string, string>;
    expect(entetes['X-Borne-Id']).toBe('BZV-DEMO-01');
  });
});
