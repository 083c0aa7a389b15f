import { fireEvent, screen } from '@testing-library/react';
import { espaces, fauxReseau, json, rendreApp } from '../../../test/utils';
import produitsJson from '../../../../../fixtures/produits.json';

describe('Nos produits', () => {
  it('shows the three PASS with their garanties in plain words', async () => {
    fauxReseau({ 'GET /produits/': produitsJson });
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Découvrir nos produits/ }));
    for (const nom of ['PASS KIMIA', 'PASS BATELA', 'PASS SALISA']) {
      expect(await screen.findByRole('heading', { name: nom })).toBeInTheDocument();
    }
    expect(screen.getByText('Forfait hospitalier')).toBeInTheDocument();
    expect(espaces(document.body.textContent)).toContain("jusqu'à 500 000 FCFA");
    fireEvent.click(screen.getByRole('button', { name: 'Souscrire PASS SALISA' }));
    expect(await screen.findByRole('heading', { name: 'Montant et rythme de paiement' })).toBeInTheDocument();
  });

  it('explains an error', async () => {
    fauxReseau({ 'GET /produits/': json({ code: 'x', message: 'Catalogue indisponible.' }, 404) });
    rendreApp();
    fireEvent.click(screen.getByRole('button', { name: /Découvrir nos produits/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Catalogue indisponible.');
  });
});
