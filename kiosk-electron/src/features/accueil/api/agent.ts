import type { components } from '../../../api/schema';
import type { ApiClient } from '../../../lib/api';

/** Borne-authenticated (X-Borne-Id / X-Borne-Key): the admin shows the borne that asks. */
export function appelerUnAgent(api: ApiClient): Promise<components['schemas']['AppelAgentOutput']> {
  return api.request('POST', '/borne/appel-agent/', { body: {} });
}
