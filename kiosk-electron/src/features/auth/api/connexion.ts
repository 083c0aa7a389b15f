import type { components } from '../../../api/schema';
import type { ApiClient } from '../../../lib/api';

export type ReponseConnexion = components['schemas']['ConnexionOutput'];

export function seConnecter(api: ApiClient, police: string, telephone: string): Promise<ReponseConnexion> {
  return api.request<ReponseConnexion>('POST', '/auth/login/', { body: { police, telephone } });
}

/** Forgets the tokens at once, then revokes the refresh token (best effort). */
export async function seDeconnecter(api: ApiClient): Promise<void> {
  const refresh = api.fermerSession();
  if (!refresh) return;
  try {
    await api.request<void>('POST', '/auth/logout/', { body: { refresh } });
  } catch {
    /* the token expires anyway; the kiosk has already forgotten it */
  }
}
