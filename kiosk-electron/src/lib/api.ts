/**
 * The one API client of the kiosk. Every request goes through `request()`:
 * JSON in and out, `cache: 'no-store'`, no cookies, borne headers in browser mode,
 * the Bearer token (kept in memory only, here), one refresh attempt on `session_expiree`,
 * and errors turned into `ApiError` (the server's French message) or `NetworkError`.
 */
import type { Config } from './config';

export interface ErreurApi {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  /** Seconds to wait (429), from Retry-After or details.retry_after. */
  readonly retryAfter: number | null;

  constructor(status: number, corps: Partial<ErreurApi>, retryAfter: number | null = null) {
    super(corps.message || 'Une erreur est survenue. Veuillez réessayer.');
    this.name = 'ApiError';
    this.status = status;
    this.code = corps.code || 'erreur';
    this.details = corps.details ?? {};
    this.retryAfter = retryAfter;
  }
}

/** The API could not be reached (network down, timeout). */
export class NetworkError extends Error {
  constructor() {
    super('Service momentanément indisponible.');
    this.name = 'NetworkError';
  }
}

/** Network down, or the server says a dependency is unavailable: the calm retry screen fits. */
export function estIndisponible(e: unknown): boolean {
  return e instanceof NetworkError || (e instanceof ApiError && e.status >= 500);
}

export function messageErreur(e: unknown): string {
  if (e instanceof NetworkError) {
    return "Problème de réseau : la borne ne parvient pas à joindre le service. Ce n'est pas une erreur de votre part ; réessayez dans un instant.";
  }
  if (e instanceof ApiError) return e.message;
  return 'Une erreur inattendue est survenue. Veuillez réessayer.';
}

interface Jetons {
  access: string;
  refresh: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sends the Bearer token (and refreshes it once if expired). */
  auth?: boolean;
  idempotencyKey?: string;
  query?: Record<string, string | number | undefined | null>;
  /** 'blob' for binary answers (the PDF statement). */
  reponse?: 'json' | 'blob';
  /** Extra headers (e.g. X-Code-Preuve on a DELETE, which has no body). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** Keeps the tokens in memory (never in any storage). */
  ouvrirSession(jetons: Jetons): void;
  /** Forgets the tokens; returns the refresh token so that it can be revoked. */
  fermerSession(): string | null;
  estConnecte(): boolean;
}

export interface ApiClientOptions {
  fetchFn?: typeof fetch;
  /** Called when the session cannot be renewed: the app signs out to Accueil. */
  onSessionExpiree?: () => void;
  timeoutMs?: number;
}

const PREFIXE = '/api/v1';

function lireRetryAfter(reponse: Response, corps: Partial<ErreurApi>): number | null {
  const entete = reponse.headers.get('Retry-After');
  if (entete && /^\d+$/.test(entete.trim())) return Number(entete.trim());
  const details = corps.details as { retry_after?: unknown } | undefined;
  if (details && typeof details.retry_after === 'number') return details.retry_after;
  return null;
}

export function createApiClient(config: Config, options: ApiClientOptions = {}): ApiClient {
  const fetchFn = options.fetchFn ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const timeoutMs = options.timeoutMs ?? 20000;
  let jetons: Jetons | null = null;
  let renouvellement: Promise<boolean> | null = null;

  function url(path: string, query?: RequestOptions['query']): string {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    }
    const suite = qs.toString();
    return `${config.apiBaseUrl}${PREFIXE}${path}${suite ? `?${suite}` : ''}`;
  }

  async function envoyer(method: string, path: string, o: RequestOptions): Promise<Response> {
    // A PDF is asked for with JSON as a fallback: the API's errors stay JSON (and no 406).
    const headers: Record<string, string> = {
      ...o.headers,
      Accept: o.reponse === 'blob' ? 'application/pdf, application/json;q=0.9' : 'application/json',
    };
    if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    if (config.borneId && config.borneKey) {
      headers['X-Borne-Id'] = config.borneId;
      headers['X-Borne-Key'] = config.borneKey;
    }
    if (o.auth && jetons) headers.Authorization = `Bearer ${jetons.access}`;
    if (o.idempotencyKey) headers['Idempotency-Key'] = o.idempotencyKey;

    const controleur = new AbortController();
    const minuteur = setTimeout(() => controleur.abort(), timeoutMs);
    const surAbandon = () => controleur.abort();
    o.signal?.addEventListener('abort', surAbandon);
    try {
      return await fetchFn(url(path, o.query), {
        method,
        headers,
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
        cache: 'no-store',
        credentials: 'omit',
        signal: controleur.signal,
      });
    } catch (e) {
      if (o.signal?.aborted) throw e;
      throw new NetworkError();
    } finally {
      clearTimeout(minuteur);
      o.signal?.removeEventListener('abort', surAbandon);
    }
  }

  async function lireErreur(reponse: Response): Promise<ApiError> {
    let corps: Partial<ErreurApi> = {};
    try {
      corps = (await reponse.json()) as Partial<ErreurApi>;
    } catch {
      /* not JSON (proxy error page…) */
    }
    if (!corps || typeof corps !== 'object') corps = {};
    if (!corps.message && reponse.status >= 500) {
      corps = { code: 'indisponible', message: 'Service momentanément indisponible.' };
    }
    return new ApiError(reponse.status, corps, lireRetryAfter(reponse, corps));
  }

  /** One refresh at a time, shared by the requests that need it. */
  function renouveler(): Promise<boolean> {
    if (!renouvellement) {
      const refresh = jetons?.refresh;
      renouvellement = (async () => {
        if (!refresh) return false;
        try {
          const r = await envoyer('POST', '/auth/refresh/', { body: { refresh } });
          if (!r.ok) return false;
          const nouveaux = (await r.json()) as Partial<Jetons>;
          if (!nouveaux.access || !jetons) return false;
          jetons = { access: nouveaux.access, refresh: nouveaux.refresh ?? refresh };
          return true;
        } catch {
          return false;
        }
      })().finally(() => {
        renouvellement = null;
      });
    }
    return renouvellement;
  }

  async function request<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    let reponse = await envoyer(method, path, o);
    if (o.auth && reponse.status === 401) {
      const erreur = await lireErreur(reponse);
      if (erreur.code !== 'session_expiree' && erreur.code !== 'non_authentifie') throw erreur;
      if (await renouveler()) {
        reponse = await envoyer(method, path, o);
      } else {
        jetons = null;
        options.onSessionExpiree?.();
        throw erreur;
      }
    }
    if (!reponse.ok) throw await lireErreur(reponse);
    if (reponse.status === 204) return undefined as T;
    if (o.reponse === 'blob') return (await reponse.blob()) as T;
    return (await reponse.json()) as T;
  }

  return {
    request,
    ouvrirSession(j) {
      jetons = { access: j.access, refresh: j.refresh };
    },
    fermerSession() {
      const refresh = jetons?.refresh ?? null;
      jetons = null;
      return refresh;
    },
    estConnecte: () => jetons !== null,
  };
}

/** A fresh key per payment intent (Idempotency-Key). */
export function nouvelleCleIdempotence(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const octets = new Uint8Array(16);
  crypto.getRandomValues(octets);
  octets[6] = (octets[6] & 0x0f) | 0x40;
  octets[8] = (octets[8] & 0x3f) | 0x80;
  const h = Array.from(octets, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
