import type { components } from '../../../api/schema';
import type { ApiClient } from '../../../lib/api';
import type { Sinistre } from '../../../types/api';

export type DeclarationSinistre = components['schemas']['SinistreListInputRequest'];

export function declarerSinistre(api: ApiClient, police: string, d: DeclarationSinistre): Promise<Sinistre> {
  return api.request<Sinistre>('POST', `/contrats/${encodeURIComponent(police)}/sinistres/`, { body: d, auth: true });
}
