import { render, screen, fireEvent } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SaisiePayeur, operateurDuNumero, operateurPayeur, payeurValide, problemePayeur, type Payeur } from './SaisiePayeur';

describe('choix de l’opérateur', () => {
  it('pré-sélectionné selon le numéro (06 MTN, 05 et 04 Airtel)', () => {
    expect(operateurDuNumero('061234567')).toBe('mtn_momo');
    expect(operateurDuNumero('051234567')).toBe('airtel_money');
    expect(operateurDuNumero('042345678')).toBe('airtel_money');
    expect(operateurDuNumero('22')).toBeUndefined();
  });

  it('vérifie le numéro pendant la saisie', () => {
    expect(problemePayeur({ mode: 'congo', chiffres: '2' })).toBeNull();
    expect(problemePayeur({ mode: 'congo', chiffres: '22' })).toMatch(/commence par 06/);
    expect(problemePayeur({ mode: 'congo', chiffres: '06', operateur: 'airtel_money' })).toMatch(/choisissez MTN MoMo/);
    // A 04 number (Warid's) may pay with either operator.
    expect(problemePayeur({ mode: 'congo', chiffres: '04', operateur: 'mtn_momo' })).toBeNull();
    expect(payeurValide({ mode: 'congo', chiffres: '051234567' })).toBe(true);
    expect(payeurValide({ mode: 'congo', chiffres: '051234567', operateur: 'mtn_momo' })).toBe(false);
    expect(operateurPayeur({ mode: 'test', chiffres: '46733123451' })).toBe('mtn_momo');
  });

  it('deux grands choix, celui du numéro sélectionné', () => {
    function Saisie() {
      const [payeur, setPayeur] = useState<Payeur>({ mode: 'congo', chiffres: '042345678' });
      return (
        <SaisiePayeur valeur={payeur} onChange={setPayeur} sandbox={false} clavierOuvert={false} onOuvrirClavier={() => {}} />
      );
    }
    render(<Saisie />);
    const airtel = screen.getByRole('button', { name: 'Airtel Money' });
    const mtn = screen.getByRole('button', { name: 'MTN MoMo' });
    expect(airtel).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(mtn);
    expect(mtn).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Numéro MTN Mobile Money qui paie')).toBeInTheDocument();
  });
});
