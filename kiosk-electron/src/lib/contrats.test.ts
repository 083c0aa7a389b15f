import { batela, kimia } from '../test/utils';
import { besoinDuContrat, contratPrioritaire, situationDuCompte } from './contrats';

const expire = { ...kimia, numero_police: 'CG-2024-VIE-002', etat: 'expire' as const, renouvelable: true, prochaine_echeance: null, arrieres: 0 };

describe('what a contrat needs', () => {
  it('arrears → Régulariser; expired and renewable → Renouveler; up to date → Payer d’avance', () => {
    expect(besoinDuContrat(batela)).toBe('regulariser');
    expect(besoinDuContrat(expire)).toBe('renouveler');
    expect(besoinDuContrat(kimia)).toBe('avance');
    expect(besoinDuContrat({ ...expire, renouvelable: false })).toBeNull();
    expect(besoinDuContrat({ ...kimia, etat: 'resilie' })).toBeNull();
  });

  it('« Payer ma prime » goes to arrears first, then renewal, then the next payment', () => {
    expect(contratPrioritaire([kimia, batela])?.numero_police).toBe('CG-2024-EPG-001');
    expect(contratPrioritaire([kimia, expire])?.numero_police).toBe('CG-2024-VIE-002');
    const plusTot = { ...kimia, numero_police: 'CG-2024-VIE-003', prochaine_echeance: { date: '2024-01-01', montant: 1 } };
    expect(contratPrioritaire([kimia, plusTot])?.numero_police).toBe('CG-2024-VIE-003');
  });

  it('several contrats in arrears: the person chooses (no automatic pick)', () => {
    expect(contratPrioritaire([batela, { ...batela, numero_police: 'CG-2024-EPG-002' }])).toBeNull();
  });

  it('the headline never nets an advance against arrears', () => {
    expect(situationDuCompte({ arrieres: 7500, avance: 1250 })).toEqual({ etat: 'a_regulariser', montant: 7500 });
    expect(situationDuCompte({ arrieres: 0, avance: 1250 })).toEqual({ etat: 'a_jour', avance: 1250 });
  });
});
