import type { ApiClient } from '../lib/api';

/** Sends a 6-digit code to the telephone (SMS or WhatsApp), with the borne's headers. */
export function demanderCode(api: ApiClient, telephone: string): Promise<{ message: string }> {
  return api.request('POST', '/preuves/telephone/', { body: { telephone } });
}

/** The code typed at the kiosk → a `code_preuve` valid 15 minutes for this telephone only. */
export async function verifierCode(api: ApiClient, telephone: string, code: string): Promise<string> {
  const r = await api.request<{ code_preuve: string }>('POST', '/preuves/telephone/verifier/', { body: { telephone, code } });
  return r.code_preuve;
}

/** The API's answer when an action needs this proof first. */
export const PREUVE_REQUISE = 'preuve_telephone_requise';
