/**
 * The client's account reads used by several features (dashboard, one contrat). Shared here so
 * that no feature imports another one.
 */
import type { ApiClient } from '../lib/api';
import type { ContratDetail, Dashboard } from '../types/api';

export function lireTableauDeBord(api: ApiClient, police: string): Promise<Dashboard> {
  return api.request<Dashboard>('GET', `/clients/${encodeURIComponent(police)}/dashboard/`, { auth: true });
}

export function lireContrat(api: ApiClient, police: string): Promise<ContratDetail> {
  return api.request<ContratDetail>('GET', `/contrats/${encodeURIComponent(police)}/`, { auth: true });
}
