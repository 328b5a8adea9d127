import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Whether a request "came over https" decides the cookie's Secure flag (COOKIE_SECURE=auto). A
 * client's own X-Forwarded-Proto must not decide it: only a proxy the deployment trusts.
 */
async function load(trustProxyHops: string | undefined, cookieSecure = 'auto') {
  vi.resetModules();
  vi.stubEnv('COOKIE_SECURE', cookieSecure);
  vi.stubEnv('SESSION_PASSWORD', 'p'.repeat(40));
  if (trustProxyHops === undefined) vi.stubEnv('TRUST_PROXY_HOPS', '');
  else vi.stubEnv('TRUST_PROXY_HOPS', trustProxyHops);
  return import('./https-request');
}

const https = new Headers({ 'x-forwarded-proto': 'https' });

describe('requestIsHttps', () => {
  afterEach(() => vi.unstubAllEnvs());

  it("ignores a client's X-Forwarded-Proto when no proxy is trusted", async () => {
    const { requestIsHttps } = await load('0');
    expect(requestIsHttps(https)).toBe(false);
  });

  it('believes it behind a trusted proxy', async () => {
    const { requestIsHttps } = await load('1');
    expect(requestIsHttps(https)).toBe(true);
    expect(requestIsHttps(new Headers({ 'x-forwarded-proto': 'http' }))).toBe(false);
  });
});

describe('servedOverHttps (HSTS)', () => {
  afterEach(() => vi.unstubAllEnvs());
  const plain = new Headers();

  it('follows COOKIE_SECURE when the deployment forces it, whatever the client sent', async () => {
    const forcedOn = await load('0', 'true');
    expect(forcedOn.servedOverHttps(plain)).toBe(true);
    const forcedOff = await load('1', 'false');
    expect(forcedOff.servedOverHttps(https)).toBe(false);
  });

  it("auto: only a trusted proxy's X-Forwarded-Proto says https", async () => {
    const untrusted = await load('0');
    expect(untrusted.servedOverHttps(https)).toBe(false);
    const trusted = await load('1');
    expect(trusted.servedOverHttps(https)).toBe(true);
    expect(trusted.servedOverHttps(plain)).toBe(false);
  });
});
