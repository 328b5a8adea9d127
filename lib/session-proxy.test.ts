import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Whether a request "came over https" decides the cookie's Secure flag (COOKIE_SECURE=auto). A
 * client's own X-Forwarded-Proto must not decide it: only a proxy the deployment trusts.
 */
async function load(trustProxyHops: string | undefined) {
  vi.resetModules();
  vi.stubEnv('SESSION_PASSWORD', 'p'.repeat(40));
  if (trustProxyHops === undefined) vi.stubEnv('TRUST_PROXY_HOPS', '');
  else vi.stubEnv('TRUST_PROXY_HOPS', trustProxyHops);
  return import('./session');
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
