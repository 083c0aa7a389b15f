import type { ApiClient } from '../../../lib/api';
import type { Beneficiaire } from '../../../types/api';

export interface SaisieBeneficiaire {
  nom: string;
  prenom: string;
  lien: string;
}

const chemin = (police: string) => `/contrats/${encodeURIComponent(police)}/beneficiaires/`;

/** `codePreuve`: the code proof of the client's telephone, which a kiosk change needs. */
export function ajouterBeneficiaire(api: ApiClient, police: string, b: SaisieBeneficiaire, codePreuve?: string): Promise<Beneficiaire> {
  return api.request<Beneficiaire>('POST', chemin(police), { body: { ...b, code_preuve: codePreuve }, auth: true });
}

export function changerBeneficiaire(
  api: ApiClient,
  police: string,
  id: number,
  b: SaisieBeneficiaire,
  codePreuve?: string,
): Promise<Beneficiaire> {
  return api.request<Beneficiaire>('PATCH', `${chemin(police)}${id}/`, { body: { ...b, code_preuve: codePreuve }, auth: true });
}

/** A DELETE has no body: the proof goes in the X-Code-Preuve header. */
export function retirerBeneficiaire(api: ApiClient, police: string, id: number, codePreuve?: string): Promise<void> {
  return api.request<void>('DELETE', `${chemin(police)}${id}/`, {
    auth: true,
    headers: codePreuve ? { 'X-Code-Preuve': codePreuve } : undefined,
  });
}
