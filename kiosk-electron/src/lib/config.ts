/**
 * Runtime configuration, fetched once at start from `config.json` next to the app
 * (`/borne/config.json`) and validated here. Nothing else reads config.json.
 */

export interface Config {
  /** "" = same origin as the page; otherwise an http(s) origin such as "http://127.0.0.1:8000". */
  apiBaseUrl: string;
  /** Absent in Electron: the shell injects the borne headers itself. */
  borneId?: string;
  borneKey?: string;
  agence: string;
  inactivitySeconds: number;
  inactivityCountdownSeconds: number;
  /** MoMo sandbox: MTN test payer numbers may be typed. */
  sandbox: boolean;
}

export class ConfigError extends Error {}

const DEFAULTS = { inactivitySeconds: 270, inactivityCountdownSeconds: 30 };

function entierPositif(v: unknown, nom: string, defaut: number): number {
  if (v === undefined || v === null) return defaut;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > 86400) {
    throw new ConfigError(`${nom} doit être un nombre entier de secondes positif.`);
  }
  return v;
}

function texteOptionnel(v: unknown, nom: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new ConfigError(`${nom} doit être un texte.`);
  return v;
}

export function validateConfig(brut: unknown): Config {
  if (!brut || typeof brut !== 'object' || Array.isArray(brut)) {
    throw new ConfigError('config.json doit contenir un objet JSON.');
  }
  const c = brut as Record<string, unknown>;

  const apiBaseUrl = c.apiBaseUrl ?? '';
  if (typeof apiBaseUrl !== 'string') throw new ConfigError('apiBaseUrl doit être un texte.');
  if (apiBaseUrl !== '') {
    let url: URL;
    try {
      url = new URL(apiBaseUrl);
    } catch {
      throw new ConfigError('apiBaseUrl doit être vide ou une adresse http(s).');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ConfigError('apiBaseUrl doit être vide ou une adresse http(s).');
    }
  }

  const agence = c.agence;
  if (typeof agence !== 'string' || agence.trim() === '') {
    throw new ConfigError("agence (nom de l'agence) est obligatoire.");
  }

  const borneId = texteOptionnel(c.borneId, 'borneId');
  const borneKey = texteOptionnel(c.borneKey, 'borneKey');
  if (borneKey && !borneId) throw new ConfigError('borneKey sans borneId.');

  if (c.sandbox !== undefined && typeof c.sandbox !== 'boolean') {
    throw new ConfigError('sandbox doit valoir true ou false.');
  }

  return {
    apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
    borneId,
    borneKey,
    agence: agence.trim(),
    inactivitySeconds: entierPositif(c.inactivitySeconds, 'inactivitySeconds', DEFAULTS.inactivitySeconds),
    inactivityCountdownSeconds: entierPositif(
      c.inactivityCountdownSeconds,
      'inactivityCountdownSeconds',
      DEFAULTS.inactivityCountdownSeconds,
    ),
    sandbox: c.sandbox === true,
  };
}

/**
 * Only `?inactivite=` and `?compte_a_rebours=` (seconds) may override the config, and only in a
 * test build (VITE_REGLAGES_TEST=1, as scripts/test.sh builds it for the end-to-end tests).
 */
export function appliquerParametres(config: Config, search: string): Config {
  const params = new URLSearchParams(search);
  const lire = (nom: string): number | undefined => {
    const v = params.get(nom);
    if (v === null || !/^\d{1,5}$/.test(v)) return undefined;
    const n = Number(v);
    return n > 0 ? n : undefined;
  };
  return {
    ...config,
    inactivitySeconds: lire('inactivite') ?? config.inactivitySeconds,
    inactivityCountdownSeconds: lire('compte_a_rebours') ?? config.inactivityCountdownSeconds,
  };
}

/** Fetches `config.json` relative to the app's base and validates it. Throws ConfigError. */
export async function loadConfig(
  fetchFn: typeof fetch = fetch,
  base: string = import.meta.env.BASE_URL,
  search: string = window.location.search,
): Promise<Config> {
  let brut: unknown;
  try {
    const reponse = await fetchFn(`${base}config.json`, { cache: 'no-store' });
    if (!reponse.ok) throw new ConfigError(`config.json introuvable (HTTP ${reponse.status}).`);
    brut = await reponse.json();
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError('config.json illisible ou inaccessible.');
  }
  const config = validateConfig(brut);
  // Replaced at build time: a production build (`npm run build`) has no test knob at all.
  return import.meta.env.VITE_REGLAGES_TEST === '1' ? appliquerParametres(config, search) : config;
}
