import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ClavierChiffres, ClavierPolice, ClavierTexte, saisirPolice, saisirTexte } from './Clavier';
import { grouperTelephone } from '../utils/format';

function Police() {
  const [v, setV] = useState('');
  return (
    <>
      <output data-testid="valeur">CG-{v}</output>
      <ClavierPolice valeur={v} onChange={setV} />
    </>
  );
}

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

describe('police keypad', () => {
  it('types after the fixed CG- the letters of the categories, digits and dashes', () => {
    render(<Police />);
    taper('2024-VIE-001');
    expect(screen.getByTestId('valeur')).toHaveTextContent('CG-2024-VIE-001');
    for (const lettre of 'VIEPGSAN') expect(screen.getByTestId(`touche-${lettre}`)).toBeInTheDocument();
  });

  it('erases the last character and never two dashes in a row', () => {
    render(<Police />);
    taper('-2024--E');
    expect(screen.getByTestId('valeur')).toHaveTextContent('CG-2024-E');
    fireEvent.click(screen.getByRole('button', { name: 'Effacer' }));
    expect(screen.getByTestId('valeur')).toHaveTextContent('CG-2024-');
  });

  it('limits the length', () => {
    let v = '';
    for (let i = 0; i < 40; i++) v = saisirPolice(v, '1');
    expect(v).toHaveLength(17);
  });
});

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
