import type { ApiClient } from '../../../lib/api';
import type { ContratDetail } from '../../../types/api';

export function lireContrat(api: ApiClient, police: string): Promise<ContratDetail> {
  return api.request<ContratDetail>('GET', `/contrats/${encodeURIComponent(police)}/`, { auth: true });
}
