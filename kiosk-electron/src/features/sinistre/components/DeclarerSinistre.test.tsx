import { fireEvent, screen } from '@testing-library/react';
import { batela, connexionOk, dashboard, detail, fauxReseau, json, rendreApp, seConnecterUI } from '../../../test/utils';

describe('Déclarer un sinistre', () => {
  it('type among the covered ones, a day within the coverage, a common case, then the number', async () => {
    const contrat = { ...detail(batela), date_effet: '2024-06-10', date_expiration: '2024-08-31' };
    const reseau = fauxReseau({
      'POST /auth/login/': connexionOk,
      'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
      'GET /contrats/CG-2024-EPG-001/': contrat,
      'POST /contrats/CG-2024-EPG-001/sinistres/': json(
        { id: 77, type: 'accident', date_survenance: '2024-07-02', description: '', montant_reclame: null, montant_accorde: null, statut: 'declare', date_declaration: '2024-10-01' },
        201,
      ),
    });
    rendreApp();
    seConnecterUI();
    fireEvent.click(await screen.findByRole('button', { name: /Voir le détail PASS BATELA/ }));
    fireEvent.click(await screen.findByTestId('declarer-sinistre'));
    const types = await screen.findAllByRole('radio');
    expect(types.map((t) => t.textContent)).toEqual(['❀Décès', '⚠Accident', '♿Invalidité']);
    fireEvent.click(screen.getByTestId('type-accident'));
    fireEvent.click(screen.getByTestId('bouton-suivant'));
    // The calendar opens on the last month of the coverage; days after it cannot be chosen.
    expect(screen.getByTestId('jour-2024-08-31')).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: 'Mois précédent' }));
    fireEvent.click(screen.getByTestId('jour-2024-07-02'));
    fireEvent.click(screen.getByTestId('bouton-suivant'));
    fireEvent.click(screen.getByRole('radio', { name: 'Accident de la route' }));
    fireEvent.click(screen.getByTestId('bouton-suivant'));
    fireEvent.click(screen.getByTestId('envoyer-sinistre'));
    expect(await screen.findByTestId('numero-sinistre')).toHaveTextContent('77');
    const post = reseau.appels.find((a) => a.method === 'POST' && a.path.endsWith('/sinistres/'));
    expect(JSON.parse(String(post?.init.body))).toEqual({ type: 'accident', date_survenance: '2024-07-02', description: 'Accident de la route' });
  });
});
