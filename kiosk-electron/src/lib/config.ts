/**
 * Runtime configuration, fetched once at start from `config.json` next to the app
 * (`/borne/config.json`) and validated here. Nothing else reads config.json.
 */
import { ErreurConfig, validerConfig, type ConfigBorne } from '../../commun/config-borne.js';

/** The page's configuration; the rules are shared with the Electron shell (one validator). */
export type Config = ConfigBorne;
export { ErreurConfig as ConfigError };

/** The page's config.json: apiBaseUrl may be empty (same origin), no borne key is required. */
export function validateConfig(brut: unknown): Config {
  return validerConfig(brut);
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
    if (!reponse.ok) throw new ErreurConfig(`config.json introuvable (HTTP ${reponse.status}).`);
    brut = await reponse.json();
  } catch (e) {
    if (e instanceof ErreurConfig) throw e;
    throw new ErreurConfig('config.json illisible ou inaccessible.');
  }
  const config = validateConfig(brut);
  // Replaced at build time: a production build (`npm run build`) has no test knob at all.
  return import.meta.env.VITE_REGLAGES_TEST === '1' ? appliquerParametres(config, search) : config;
}
