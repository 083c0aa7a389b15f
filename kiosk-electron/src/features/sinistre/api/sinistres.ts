import type { ApiClient } from '../../../lib/api';
import type { Sinistre } from '../../../types/api';

export interface DeclarationSinistre {
  type: string;
  date_survenance: string;
  description: string;
}

export function declarerSinistre(api: ApiClient, police: string, d: DeclarationSinistre): Promise<Sinistre> {
  return api.request<Sinistre>('POST', `/contrats/${encodeURIComponent(police)}/sinistres/`, { body: d, auth: true });
}
