import { fireEvent, screen, within } from '@testing-library/react';
import type { Cotisation } from '../../../types/api';
import { echeancesUtiles } from './DetailContrat';
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
    fireEvent.click(await screen.findByRole('button', { name: /Voir le détail PASS BATELA/ }));
    expect(await screen.findByText('Décès ou invalidité accidentels')).toBeInTheDocument();
    expect(screen.getByText(/Marie KONGO/)).toBeInTheDocument();
    const lignes = within(screen.getByRole('table')).getAllByRole('row');
    expect(lignes[1]).toHaveTextContent('à venir');
    expect(lignes[2]).toHaveTextContent('en retard');
    expect(lignes[3]).toHaveTextContent('payée');
    expect(espaces(lignes[3].textContent)).toContain('01/03/2024 – 31/05/2024');
    expect(screen.getByText('Aucun paiement.')).toBeInTheDocument();
    expect(screen.getByText('Aucun sinistre déclaré.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Régulariser' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Déclarer un sinistre/ })).toBeInTheDocument();
  });

  it('says when the contrat cannot be shown (404 of someone else\u2019s police)', async () => {
    fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /contrats/CG-2024-EPG-001/': json({ code: 'introuvable', message: 'Contrat introuvable.' }, 404),
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Voir le détail PASS BATELA/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Contrat introuvable.');
  });
});

describe('echeancesUtiles', () => {
  const e = (rang: number, statut: Cotisation['statut']): Cotisation => ({
    numero_police: 'P', numero_quittance: `P-${rang}`, rang, date_debut: '2024-01-01', date_fin: '2024-01-31',
    montant_du: 100, montant_paye: statut === 'payee' ? 100 : 0, reste_a_payer: statut === 'payee' ? 0 : 100, statut,
  });
  it('keeps the arrears, the next échéance only, and the payées, newest first', () => {
    const liste = [e(5, 'a_venir'), e(4, 'a_venir'), e(3, 'en_retard'), e(2, 'payee'), e(1, 'payee')];
    expect(echeancesUtiles(liste).map((c) => c.rang)).toEqual([4, 3, 2, 1]);
  });
  it('long histories are shortened, with a button to see all', async () => {
    const longue = { ...detail(batela), cotisations: Array.from({ length: 36 }, (_, i) => e(36 - i, i < 10 ? 'a_venir' : 'payee')) };
    fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /contrats/CG-2024-EPG-001/': longue,
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Voir le détail PASS BATELA/ }));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 8);
    fireEvent.click(screen.getByRole('button', { name: 'Voir toutes les échéances (36)' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(1 + 36);
  });
});
