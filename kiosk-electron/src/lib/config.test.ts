import { ConfigError, appliquerParametres, loadConfig, validateConfig } from './config';

const valide = {
  apiBaseUrl: '',
  borneId: 'BZV-DEMO-01',
  borneKey: 'cle',
  agence: 'Agence de Brazzaville – Centre-ville',
  inactivitySeconds: 270,
  inactivityCountdownSeconds: 30,
};

describe('validateConfig', () => {
  it('accepts the documented config', () => {
    expect(validateConfig(valide)).toEqual({ ...valide, sandbox: false });
  });

  it('accepts an API origin and strips a trailing slash', () => {
    expect(validateConfig({ ...valide, apiBaseUrl: 'http://127.0.0.1:8000/' }).apiBaseUrl).toBe(
      'http://127.0.0.1:8000',
    );
  });

  it('allows no borne credentials (Electron injects them) and defaults the timers', () => {
    const c = validateConfig({ agence: 'Agence', sandbox: true });
    expect(c).toMatchObject({ borneId: undefined, borneKey: undefined, inactivitySeconds: 270, inactivityCountdownSeconds: 30, sandbox: true });
  });

  it.each([
    [null],
    [[]],
    [{ ...valide, agence: '' }],
    [{ ...valide, apiBaseUrl: 'ftp://x' }],
    [{ ...valide, apiBaseUrl: 'pas une url' }],
    // The shell's rule too (one validator): plain http only to this machine.
    [{ ...valide, apiBaseUrl: 'http://10.0.0.5:8000' }],
    [{ ...valide, inactivitySeconds: -1 }],
    [{ ...valide, inactivitySeconds: '270' }],
    [{ ...valide, sandbox: 'oui' }],
    [{ ...valide, borneId: undefined }],
  ])('refuses %j', (brut) => {
    expect(() => validateConfig(brut)).toThrow(ConfigError);
  });
});

describe('appliquerParametres', () => {
  const c = validateConfig(valide);
  it('overrides only the two inactivity values', () => {
    expect(appliquerParametres(c, '?inactivite=5&compte_a_rebours=3&apiBaseUrl=http://evil')).toEqual({
      ...c,
      inactivitySeconds: 5,
      inactivityCountdownSeconds: 3,
    });
  });
  it('ignores invalid values', () => {
    expect(appliquerParametres(c, '?inactivite=abc&compte_a_rebours=0')).toEqual(c);
  });
});

describe('loadConfig', () => {
  it('fetches config.json under the base without cache', async () => {
    const f = vi.fn().mockResolvedValue(new Response(JSON.stringify(valide)));
    const c = await loadConfig(f, '/borne/', '?inactivite=7');
    expect(f).toHaveBeenCalledWith('/borne/config.json', { cache: 'no-store' });
    expect(c.inactivitySeconds).toBe(7);
  });
  it('fails clearly when config.json is missing or broken', async () => {
    await expect(loadConfig(vi.fn().mockResolvedValue(new Response('', { status: 404 })), '/borne/', '')).rejects.toThrow(ConfigError);
    await expect(loadConfig(vi.fn().mockResolvedValue(new Response('{oops')), '/borne/', '')).rejects.toThrow(ConfigError);
    await expect(loadConfig(vi.fn().mockRejectedValue(new TypeError('fail')), '/borne/', '')).rejects.toThrow(ConfigError);
  });
});
