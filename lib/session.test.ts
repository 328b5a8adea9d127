import { describe, expect, it } from 'vitest';
import { isHttpsRequest } from './https-request';
import { SESSION_COOKIE_NAME, SESSION_TTL_SECONDS, sessionOptions } from './session';

const password = 'x'.repeat(32);

describe('sessionOptions', () => {
  it('always makes the cookie httpOnly, SameSite=Lax, site-wide, with a bounded lifetime', () => {
    for (const cookieSecure of ['auto', 'true', 'false'] as const) {
      for (const requestIsHttps of [true, false]) {
        const options = sessionOptions({ password, cookieSecure, requestIsHttps });
        expect(options.cookieName).toBe(SESSION_COOKIE_NAME);
        expect(options.password).toBe(password);
        expect(options.ttl).toBe(SESSION_TTL_SECONDS);
        expect(options.cookieOptions).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
      }
    }
  });

  it('in auto mode marks the cookie Secure exactly when the request came over https', () => {
    expect(
      sessionOptions({ password, cookieSecure: 'auto', requestIsHttps: true }).cookieOptions
        ?.secure,
    ).toBe(true);
    expect(
      sessionOptions({ password, cookieSecure: 'auto', requestIsHttps: false }).cookieOptions
        ?.secure,
    ).toBe(false);
  });

  it('lets the deployment force Secure on or off', () => {
    expect(
      sessionOptions({ password, cookieSecure: 'true', requestIsHttps: false }).cookieOptions
        ?.secure,
    ).toBe(true);
    expect(
      sessionOptions({ password, cookieSecure: 'false', requestIsHttps: true }).cookieOptions
        ?.secure,
    ).toBe(false);
  });
});

describe('isHttpsRequest', () => {
  it('reads the first hop of x-forwarded-proto', () => {
    expect(isHttpsRequest('https')).toBe(true);
    expect(isHttpsRequest('HTTPS')).toBe(true);
    expect(isHttpsRequest('https, http')).toBe(true);
    expect(isHttpsRequest('http')).toBe(false);
    expect(isHttpsRequest('http, https')).toBe(false);
    expect(isHttpsRequest(null)).toBe(false);
    expect(isHttpsRequest('')).toBe(false);
  });
});
