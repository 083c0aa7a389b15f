import {
  NBSP,
  formatDate,
  formatDateHeure,
  formatDuree,
  formatMontant,
  formatTelephone,
  grouperTelephone,
  montantEcheance,
  telephoneCanonique,
} from './format';

/** Tests compare with ordinary spaces so they do not depend on the space character used. */
const s = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMontant', () => {
  it.each([
    [0, '0 FCFA'],
    [100, '100 FCFA'],
    [5000, '5 000 FCFA'],
    [60000, '60 000 FCFA'],
    [1234567, '1 234 567 FCFA'],
    [-1250, '-1 250 FCFA'],
  ])('%d → %s', (n, attendu) => {
    expect(s(formatMontant(n))).toBe(attendu);
  });

  it('never breaks an amount across lines (no-break spaces)', () => {
    expect(formatMontant(5000)).toBe(`5${NBSP}000${NBSP}FCFA`);
  });
});

describe('formatDate', () => {
  it('writes dates as jj/mm/aaaa', () => {
    expect(formatDate('2024-03-01')).toBe('01/03/2024');
    expect(formatDate('2024-12-31T23:30:00+01:00')).toBe('31/12/2024');
  });
  it('shows a dash for no date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('n/a')).toBe('—');
  });
  it('adds the time for datetimes', () => {
    expect(formatDateHeure('2024-03-01T09:05:00+01:00')).toBe('01/03/2024 à 09h05');
  });
});

describe('telephone', () => {
  it('groups digits as they are typed', () => {
    expect(grouperTelephone('0')).toBe('0');
    expect(grouperTelephone('06')).toBe('06');
    expect(grouperTelephone('061')).toBe('06 1');
    expect(grouperTelephone('0612345')).toBe('06 123 45');
    expect(grouperTelephone('061234567')).toBe('06 123 45 67');
    expect(grouperTelephone('0612345678999')).toBe('06 123 45 67');
  });
  it('builds and shows the canonical form', () => {
    expect(telephoneCanonique('061234567')).toBe('+242061234567');
    expect(formatTelephone('+242061234567')).toBe('+242 06 123 45 67');
    expect(formatTelephone('46733123451')).toBe('46733123451');
  });
});

describe('formatDuree', () => {
  it.each([
    [45, '45 s'],
    [60, '1 min'],
    [125, '2 min 05 s'],
    [900, '15 min'],
    [0.2, '1 s'],
    [-3, '0 s'],
  ])('%d s → %s', (n, attendu) => expect(formatDuree(n)).toBe(attendu));
});

describe('montantEcheance', () => {
  it('divides the annual premium by the number of échéances', () => {
    expect(montantEcheance(5000, 'trimestrielle')).toBe(1250);
    expect(montantEcheance(5000, 'mensuelle')).toBe(416);
    expect(montantEcheance(7500, 'annuelle')).toBe(7500);
  });
});
