import { config } from 'zod/v4/core';

/**
 * Runs in the browser before the panel hydrates. Zod compiles object schemas with `new Function`
 * when it may; the Content-Security-Policy forbids eval (proxy.ts), so its probe would be reported
 * as a violation on every page with a client-side form. Its interpreter does the same checks.
 */
config({ jitless: true });
