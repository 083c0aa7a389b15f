import type { ApiClient } from '../../../lib/api';

/** The PDF statement, as a Blob (kept in memory, shown through an object URL). */
export function lireReleve(api: ApiClient, police: string): Promise<Blob> {
  return api.request<Blob>('GET', `/clients/${encodeURIComponent(police)}/releve.pdf`, { auth: true, reponse: 'blob' });
}
