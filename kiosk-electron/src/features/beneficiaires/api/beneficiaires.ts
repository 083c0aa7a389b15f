import type { ApiClient } from '../../../lib/api';
import type { Beneficiaire } from '../../../types/api';

export interface SaisieBeneficiaire {
  nom: string;
  prenom: string;
  lien: string;
}

const chemin = (police: string) => `/contrats/${encodeURIComponent(police)}/beneficiaires/`;

export function ajouterBeneficiaire(api: ApiClient, police: string, b: SaisieBeneficiaire): Promise<Beneficiaire> {
  return api.request<Beneficiaire>('POST', chemin(police), { body: b, auth: true });
}

export function changerBeneficiaire(api: ApiClient, police: string, id: number, b: SaisieBeneficiaire): Promise<Beneficiaire> {
  return api.request<Beneficiaire>('PATCH', `${chemin(police)}${id}/`, { body: b, auth: true });
}

export function retirerBeneficiaire(api: ApiClient, police: string, id: number): Promise<void> {
  return api.request<void>('DELETE', `${chemin(police)}${id}/`, { auth: true });
}
