/**
 * The Content-Security-Policy and Strict-Transport-Security of every page (proxy.ts sets them).
 * Pure: the nonce, the mode and whether the request is https are decided by the caller.
 */

export interface PageSecurity {
  /** Fresh for every request (`newNonce`); Next puts it on its own scripts, the layout on ours. */
  nonce: string;
  /** `next dev`: React Refresh evaluates code and the dev overlay injects styles. */
  development: boolean;
  /** As the deployment decides it (lib/https-request.ts), never a client's header. */
  https: boolean;
}

/** 16 random bytes, base64: unguessable, and a valid CSP nonce-source. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function contentSecurityPolicy({ nonce, development }: PageSecurity): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic': the chunks Next's nonced scripts load are trusted through them; 'self' is
    // only a fallback for browsers without it. No 'unsafe-inline' for scripts, ever.
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // Tailwind's CSS is a file (`'self'`). A nonce covers <style> elements only, and in
    // production neither Next nor we render one without it; React `style` props and Next's
    // built-in error pages write style *attributes*, which no nonce can cover, hence
    // style-src-attr. In development the dev overlay injects <style> elements without a nonce
    // (and a nonce would disable 'unsafe-inline'), so the policy is looser there only.
    'style-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // Actions, RSC fetches and the event streams are same-origin; dev adds React Refresh's socket.
    'connect-src': ["'self'", ...(development ? ['ws:', 'wss:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Two years and every subdomain: the panel is https-only once a deployment says it is. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The headers a page response carries (HSTS only over https: browsers ignore it over http). */
export function pageSecurityHeaders(page: PageSecurity): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(page),
    ...(page.https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
