import { act, fireEvent, screen } from '@testing-library/react';
import { batela, connexionOk, dashboard, detail, fauxReseau, json, rendreApp, seConnecterUI, taper } from '../../../test/utils';

const routes = (extra: Record<string, unknown> = {}) => ({
  'POST /auth/login/': connexionOk,
  'GET /clients/CG-2024-VIE-001/dashboard/': dashboard,
  'GET /contrats/CG-2024-EPG-001/': detail(batela),
  ...extra,
});

async function ouvrir() {
  rendreApp();
  seConnecterUI();
  fireEvent.click(await screen.findByRole('button', { name: /Voir le détail PASS BATELA/ }));
  fireEvent.click(await screen.findByTestId('gerer-beneficiaires'));
  await screen.findByTestId('beneficiaire-1');
}

describe('Bénéficiaires', () => {
  it('adds one', async () => {
    const reseau = fauxReseau(routes({ 'POST /contrats/CG-2024-EPG-001/beneficiaires/': json({ id: 2 }, 201) }));
    await ouvrir();
    fireEvent.click(screen.getByTestId('ajouter-beneficiaire'));
    taper('NGOMA');
    fireEvent.click(screen.getByTestId('champ-benef-prenom'));
    taper('LUC');
    fireEvent.click(screen.getByRole('radio', { name: 'Enfant' }));
    fireEvent.click(screen.getByTestId('enregistrer-beneficiaire'));
    expect(await screen.findByText('LUC NGOMA est ajouté(e).')).toBeInTheDocument();
    const post = reseau.appels.find((a) => a.method === 'POST' && a.path.endsWith('/beneficiaires/'));
    expect(JSON.parse(String(post?.init.body))).toEqual({ nom: 'NGOMA', prenom: 'LUC', lien: 'enfant' });
  });

  it('changes one', async () => {
    const reseau = fauxReseau(routes({ 'PATCH /contrats/CG-2024-EPG-001/beneficiaires/1/': json({ id: 1 }) }));
    await ouvrir();
    fireEvent.click(screen.getByRole('button', { name: 'Changer Marie KONGO' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Parent' }));
    fireEvent.click(screen.getByTestId('enregistrer-beneficiaire'));
    await screen.findByText('Marie KONGO est modifié(e).');
    const patch = reseau.appels.find((a) => a.method === 'PATCH');
    expect(JSON.parse(String(patch?.init.body))).toEqual({ nom: 'KONGO', prenom: 'Marie', lien: 'parent' });
  });

  it('removes one after asking', async () => {
    const reseau = fauxReseau(routes({ 'DELETE /contrats/CG-2024-EPG-001/beneficiaires/1/': json(null, 204) }));
    await ouvrir();
    fireEvent.click(screen.getByRole('button', { name: 'Retirer Marie KONGO' }));
    expect(reseau.appels.some((a) => a.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('confirmer-retrait'));
    await act(async () => {});
    expect(reseau.appels.some((a) => a.method === 'DELETE')).toBe(true);
    expect(await screen.findByText('Marie KONGO est retiré(e).')).toBeInTheDocument();
  });
});
