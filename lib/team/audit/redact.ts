/**
 * Removes secrets from an action's parameters before they are written to the audit log: any key
 * that names a secret, listed extra keys (an action's `audit.redact`), and any string that
 * contains one of the `secrets` given (the workspace's API key, whatever field it hides in).
 */

export const REDACTED = '[redacted]';

const SECRET_KEY = /pass(word)?|secret|token|api_?key|apikey|private|credential|^key$|_key$/i;

export function redactParams(
  params: unknown,
  options: { extraKeys?: readonly string[]; secrets?: readonly string[] } = {},
): unknown {
  const extra = new Set(options.extraKeys ?? []);
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  const walk = (value: unknown, key: string | undefined): unknown => {
    if (key !== undefined && (SECRET_KEY.test(key) || extra.has(key))) return REDACTED;
    if (typeof value === 'string') {
      return secrets.some((secret) => value.includes(secret)) ? REDACTED : value;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, undefined));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, k)]),
      );
    }
    return value;
  };
  return walk(params, undefined);
}
