import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ClavierPoliceGuide, POLICE_VIDE, ecrirePolice, type Police as ValeurPolice } from './SaisiePolice';

const taper = (texte: string) => {
  for (const c of texte) fireEvent.click(screen.getByTestId(`touche-${c}`));
};

function Police() {
  const [v, setV] = useState<ValeurPolice>(POLICE_VIDE);
  return (
    <>
      <output data-testid="valeur">{ecrirePolice(v)}</output>
      <ClavierPoliceGuide valeur={v} onChange={setV} />
    </>
  );
}

describe('police keypad', () => {
  it('writes CG- and the dashes itself: a typical police takes 5 taps', () => {
    render(<Police />);
    fireEvent.click(screen.getByTestId('annee-2024'));
    fireEvent.click(screen.getByRole('button', { name: /KIMIA/ }));
    taper('001');
    expect(screen.getByTestId('valeur')).toHaveTextContent(/^CG-2024-VIE-001$/);
  });

  it('shows the products by name, each with its category', () => {
    render(<Police />);
    fireEvent.click(screen.getByTestId('annee-2024'));
    expect(screen.getByTestId('categorie-VIE')).toHaveTextContent('KIMIA');
    expect(screen.getByTestId('categorie-EPG')).toHaveTextContent('BATELA');
    expect(screen.getByTestId('categorie-SAN')).toHaveTextContent('SALISA');
  });

  it('erases a digit, then goes back to the product choice', () => {
    render(<Police />);
    fireEvent.click(screen.getByTestId('annee-2024'));
    fireEvent.click(screen.getByTestId('categorie-EPG'));
    taper('1');
    fireEvent.click(screen.getByRole('button', { name: 'Effacer' }));
    expect(screen.getByTestId('valeur')).toHaveTextContent(/^CG-2024-EPG$/);
    fireEvent.click(screen.getByRole('button', { name: 'Effacer' }));
    expect(screen.getByTestId('valeur')).toHaveTextContent(/^CG-2024$/);
    expect(screen.getByTestId('categorie-SAN')).toBeInTheDocument();
  });

  it('limits the digits', () => {
    render(<Police />);
    fireEvent.click(screen.getByTestId('annee-2024'));
    fireEvent.click(screen.getByTestId('categorie-VIE'));
    taper('1234567890');
    expect(screen.getByTestId('valeur')).toHaveTextContent(/^CG-2024-VIE-123456$/);
  });
});

