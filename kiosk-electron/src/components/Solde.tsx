import { formatMontant } from '../utils/format';

/** Solde in words and colour: red "En retard de …", green "D'avance : …", or "À jour". */
export function Solde({ montant, grand = false }: { montant: number; grand?: boolean }) {
  const classe = `solde${grand ? ' solde--grand' : ''}`;
  if (montant < 0) {
    return (
      <span className={`${classe} solde--retard`} data-testid="solde">
        <span aria-hidden="true" className="solde__icone">!</span> En retard de {formatMontant(-montant)}
      </span>
    );
  }
  if (montant > 0) {
    return (
      <span className={`${classe} solde--avance`} data-testid="solde">
        <span aria-hidden="true" className="solde__icone">✓</span> D'avance : {formatMontant(montant)}
      </span>
    );
  }
  return (
    <span className={`${classe} solde--ajour`} data-testid="solde">
      <span aria-hidden="true" className="solde__icone">✓</span> À jour
    </span>
  );
}
