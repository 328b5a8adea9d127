/**
 * Runs in the browser before the panel hydrates. Zod compiles object schemas with `new Function`
 * when it may; the Content-Security-Policy forbids eval (proxy.ts), so its probe would be reported
 * as a violation on every page with a client-side form. Its interpreter does the same checks.
 *
 * Set through the global zod reads its configuration from (`config()` does the same), so that
 * pages without a client-side schema do not load zod for this alone (it is ~5 KB gzip of every
 * page's first load). Mutated in place: zod keeps a reference to this object once loaded.
 */
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(zodGlobal.__zod_globalConfig ??= {}).jitless = true;

export {};
