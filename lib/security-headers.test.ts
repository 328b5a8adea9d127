import { describe, expect, it } from 'vitest';
import { THEME_BOOT_SCRIPT } from '@/components/layout/theme';
import {
  contentSecurityPolicy,
  newNonce,
  pageSecurityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from './security-headers';

/** The policy as a map: directive → its sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q=';

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce (and what they load), never inline or eval', () => {
    const policy = parse(contentSecurityPolicy({ nonce, development: false, https: false }));
    expect(policy.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
    }
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('closes plugins, base and form targets, and framing', () => {
    const policy = parse(contentSecurityPolicy({ nonce, development: false, https: true }));
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' for React Refresh in development only", () => {
    const policy = parse(contentSecurityPolicy({ nonce, development: true, https: false }));
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
    expect(policy.get('script-src')).toContain(`'nonce-${nonce}'`);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

describe('pageSecurityHeaders', () => {
  it('sends HSTS over https only', () => {
    const overHttps = pageSecurityHeaders({ nonce, development: false, https: true });
    expect(overHttps['Strict-Transport-Security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=63072000; includeSubDomains');
    const overHttp = pageSecurityHeaders({ nonce, development: false, https: false });
    expect(overHttp).not.toHaveProperty('Strict-Transport-Security');
    expect(overHttp['Content-Security-Policy']).toContain(`'nonce-${nonce}'`);
  });
});

describe('newNonce', () => {
  it('is 16 random bytes in base64, different each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const value of nonces) expect(Buffer.from(value, 'base64')).toHaveLength(16);
  });
});

describe('THEME_BOOT_SCRIPT', () => {
  it('is the boot function as a script that sets data-theme from the stored choice', () => {
    const dataset: Record<string, string> = {};
    const context = {
      window: { matchMedia: () => ({ matches: false, addEventListener: () => undefined }) },
      localStorage: { getItem: (key: string) => (key === 'panel-theme' ? 'dark' : null) },
      document: { documentElement: { dataset } },
    };
    // The inline script runs with the page's globals; here they are the fakes above.
    new Function('window', 'localStorage', 'document', THEME_BOOT_SCRIPT)(
      context.window,
      context.localStorage,
      context.document,
    );
    expect(dataset.theme).toBe('dark');
  });
});
