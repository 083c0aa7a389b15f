import { ApiError, NetworkError, createApiClient, estIndisponible, nouvelleCleIdempotence } from './api';
import type { Config } from './config';

const config: Config = {
  apiBaseUrl: 'http://api.test',
  borneId: 'BZV-DEMO-01',
  borneKey: 'cle',
  agence: 'Agence',
  inactivitySeconds: 270,
  inactivityCountdownSeconds: 30,
  sandbox: false,
};

const json = (corps: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(corps), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('api client', () => {
  it('sends JSON with the borne headers, no cache and no cookies', async () => {
    const f = vi.fn().mockResolvedValue(json([]));
    const api = createApiClient(config, { fetchFn: f });
    await api.request('POST', '/auth/login/', { body: { police: 'CG-1' } });
    const [url, init] = f.mock.calls[0];
    expect(url).toBe('http://api.test/api/v1/auth/login/');
    expect(init).toMatchObject({ method: 'POST', cache: 'no-store', credentials: 'omit', body: '{"police":"CG-1"}' });
    expect(init.headers).toMatchObject({ 'X-Borne-Id': 'BZV-DEMO-01', 'X-Borne-Key': 'cle', 'Content-Type': 'application/json' });
    expect(init.headers.Authorization).toBeUndefined();
  });

  it('leaves the borne headers to Electron when the config has no key', async () => {
    const f = vi.fn().mockResolvedValue(json([]));
    await createApiClient({ ...config, borneKey: undefined }, { fetchFn: f }).request('GET', '/produits/');
    expect(f.mock.calls[0][1].headers['X-Borne-Key']).toBeUndefined();
  });

  it('builds query strings without empty values', async () => {
    const f = vi.fn().mockResolvedValue(json({}));
    await createApiClient(config, { fetchFn: f }).request('GET', '/x/', { query: { page: 2, statut: '', police: undefined } });
    expect(f.mock.calls[0][0]).toBe('http://api.test/api/v1/x/?page=2');
  });

  it('turns error bodies into ApiError with the French message and Retry-After', async () => {
    const f = vi.fn().mockResolvedValue(
      json({ code: 'trop_de_tentatives', message: 'Trop de tentatives.', details: { retry_after: 600 } }, 429, { 'Retry-After': '840' }),
    );
    const e = await createApiClient(config, { fetchFn: f }).request('POST', '/auth/login/').catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 429, code: 'trop_de_tentatives', message: 'Trop de tentatives.', retryAfter: 840 });
  });

  it('falls back on details.retry_after', async () => {
    const f = vi.fn().mockResolvedValue(json({ code: 'trop_de_tentatives', message: 'm', details: { retry_after: 60 } }, 429));
    const e = await createApiClient(config, { fetchFn: f }).request('POST', '/auth/login/').catch((x) => x);
    expect((e as ApiError).retryAfter).toBe(60);
  });

  it('reports the network being down as NetworkError', async () => {
    const f = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const e = await createApiClient(config, { fetchFn: f }).request('GET', '/produits/').catch((x) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect(estIndisponible(e)).toBe(true);
    expect(estIndisponible(new ApiError(503, { code: 'x', message: 'm' }))).toBe(true);
    expect(estIndisponible(new ApiError(400, { code: 'x', message: 'm' }))).toBe(false);
  });

  it('sends the Bearer token, refreshes once on session_expiree and retries', async () => {
    const f = vi
      .fn()
      .mockResolvedValueOnce(json({ code: 'session_expiree', message: 'Session expirée.' }, 401))
      .mockResolvedValueOnce(json({ access: 'A2', refresh: 'R2' }))
      .mockResolvedValueOnce(json({ ok: true }));
    const api = createApiClient(config, { fetchFn: f });
    api.ouvrirSession({ access: 'A1', refresh: 'R1' });
    expect(await api.request('GET', '/clients/CG/dashboard/', { auth: true })).toEqual({ ok: true });
    expect(f.mock.calls[0][1].headers.Authorization).toBe('Bearer A1');
    expect(f.mock.calls[1][0]).toBe('http://api.test/api/v1/auth/refresh/');
    expect(JSON.parse(f.mock.calls[1][1].body)).toEqual({ refresh: 'R1' });
    expect(f.mock.calls[2][1].headers.Authorization).toBe('Bearer A2');
    expect(api.fermerSession()).toBe('R2');
  });

  it('signs out when the refresh fails', async () => {
    const f = vi
      .fn()
      .mockResolvedValueOnce(json({ code: 'session_expiree', message: 'Session expirée.' }, 401))
      .mockResolvedValueOnce(json({ code: 'session_expiree', message: 'Session expirée.' }, 401));
    const expiree = vi.fn();
    const api = createApiClient(config, { fetchFn: f, onSessionExpiree: expiree });
    api.ouvrirSession({ access: 'A1', refresh: 'R1' });
    await expect(api.request('GET', '/x/', { auth: true })).rejects.toBeInstanceOf(ApiError);
    expect(expiree).toHaveBeenCalledOnce();
    expect(api.estConnecte()).toBe(false);
  });

  it('does not refresh on other 401s', async () => {
    const f = vi.fn().mockResolvedValue(json({ code: 'identifiants_invalides', message: 'Non.' }, 401));
    const api = createApiClient(config, { fetchFn: f });
    await expect(api.request('POST', '/auth/login/')).rejects.toMatchObject({ code: 'identifiants_invalides' });
    expect(f).toHaveBeenCalledOnce();
  });

  it('generates uuid v4 keys', () => {
    expect(nouvelleCleIdempotence()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nouvelleCleIdempotence()).not.toBe(nouvelleCleIdempotence());
  });
});
