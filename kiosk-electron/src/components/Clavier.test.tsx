import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ClavierChiffres, ClavierTexte, saisirTexte } from './Clavier';
import { grouperTelephone } from '../utils/format';

function Telephone() {
  const [v, setV] = useState('');
  return (
    <>
      <output data-testid="valeur">{grouperTelephone(v)}</output>
      <ClavierChiffres libelle="Téléphone" valeur={v} onChange={setV} max={9} />
    </>
  );
}

const taper = (texte: string) => {
  for (const c of texte) fireEvent.click(screen.getByTestId(`touche-${c}`));
};

describe('telephone keypad', () => {
  it('groups the 9 digits as 06 123 45 67 and stops at 9', () => {
    render(<Telephone />);
    taper('06123');
    expect(screen.getByTestId('valeur')).toHaveTextContent('06 123');
    taper('4567999');
    expect(screen.getByTestId('valeur')).toHaveTextContent(/^06 123 45 67$/);
    fireEvent.click(screen.getByRole('button', { name: 'Effacer' }));
    expect(screen.getByTestId('valeur')).toHaveTextContent(/^06 123 45 6$/);
  });

  it('keys are large buttons reachable by their name', () => {
    render(<Telephone />);
    expect(screen.getAllByRole('button')).toHaveLength(11);
    expect(screen.getByRole('group', { name: 'Téléphone' })).toBeInTheDocument();
  });
});

describe('text keypad', () => {
  it('types names with accents, spaces and dashes', () => {
    function Nom() {
      const [v, setV] = useState('');
      return (
        <>
          <output data-testid="valeur">{v}</output>
          <ClavierTexte libelle="Nom" valeur={v} onChange={setV} />
        </>
      );
    }
    render(<Nom />);
    taper('JEAN');
    fireEvent.click(screen.getByRole('button', { name: 'Espace' }));
    taper('ÉLIE');
    expect(screen.getByTestId('valeur')).toHaveTextContent('JEAN ÉLIE');
  });

  it('refuses a leading or doubled separator', () => {
    expect(saisirTexte('', 'ESPACE')).toBe('');
    expect(saisirTexte('A-', '-')).toBe('A-');
    expect(saisirTexte('A', "'")).toBe("A'");
  });
});
