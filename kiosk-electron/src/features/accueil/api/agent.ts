import type { ApiClient } from '../../../lib/api';

/** Borne-authenticated (X-Borne-Id / X-Borne-Key): the admin shows the borne that asks. */
export function appelerUnAgent(api: ApiClient): Promise<{ id: number; date: string }> {
  return api.request('POST', '/borne/appel-agent/', { body: {} });
}
