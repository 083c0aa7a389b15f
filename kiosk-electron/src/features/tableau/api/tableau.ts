import type { ApiClient } from '../../../lib/api';
import type { Dashboard } from '../../../types/api';

export function lireTableauDeBord(api: ApiClient, police: string): Promise<Dashboard> {
  return api.request<Dashboard>('GET', `/clients/${encodeURIComponent(police)}/dashboard/`, { auth: true });
}
