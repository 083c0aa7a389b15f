import { fireEvent, screen, within } from '@testing-library/react';
import { batela, connexionOk, dashboard, detail, espaces, fauxReseau, json, rendreApp, seConnecterUI } from '../../../test/utils';

describe('Contrat', () => {
  it('shows garanties, bénéficiaires and échéances with words, not colour alone', async () => {
    fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /contrats/CG-2024-EPG-001/': detail(batela),
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Détail PASS BATELA/ }));
    expect(await screen.findByText('Décès ou invalidité accidentels')).toBeInTheDocument();
    expect(screen.getByText(/Marie KONGO/)).toBeInTheDocument();
    const lignes = within(screen.getByRole('table')).getAllByRole('row');
    expect(lignes[1]).toHaveTextContent('payée');
    expect(lignes[2]).toHaveTextContent('en retard');
    expect(lignes[3]).toHaveTextContent('à venir');
    expect(espaces(lignes[1].textContent)).toContain('01/03/2024 – 31/05/2024');
    expect(screen.getByText('Aucun paiement.')).toBeInTheDocument();
    expect(screen.getByText('Aucun sinistre déclaré.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Payer ce contrat' })).toBeInTheDocument();
  });

  it('says when the contrat cannot be shown (404 of someone else\u2019s police)', async () => {
    fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /contrats/CG-2024-EPG-001/': json({ code: 'introuvable', message: 'Contrat introuvable.' }, 404),
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Détail PASS BATELA/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Contrat introuvable.');
  });
});
