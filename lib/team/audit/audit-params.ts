import type { z } from 'zod';
import { redactParams } from './redact';

/**
 * What an audit entry keeps of an action's parameters: only the fields the action knows (its
 * schema's keys — anything else a client sends is not the action's input), redacted, and capped
 * so that no request can grow the log by more than a few KB.
 */

export const AUDIT_PARAMS_MAX_BYTES = 4096;
const STRING_MAX = 256;
const ARRAY_MAX = 50;

/** The top-level keys an input schema knows; null when its shape cannot be read. */
export function knownKeys(schema: z.ZodType | undefined): string[] | null {
  let current: unknown = schema;
  for (let depth = 0; depth < 5 && current; depth++) {
    const def = (current as { def?: { type?: string; in?: unknown; innerType?: unknown } }).def;
    const shape = (current as { shape?: unknown }).shape;
    if (def?.type === 'object' && shape && typeof shape === 'object') return Object.keys(shape);
    current = def?.in ?? def?.innerType;
  }
  return null;
}

function pick(params: unknown, keys: readonly string[] | null): unknown {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return keys ? {} : params;
  if (!keys) return {};
  const record = params as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));
}

function shorten(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value.length > STRING_MAX
      ? `${value.slice(0, STRING_MAX)}… (${value.length} chars)`
      : value;
  }
  if (depth > 3) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, ARRAY_MAX).map((item) => shorten(item, depth + 1));
    return value.length > ARRAY_MAX ? [...items, `… (${value.length} items)`] : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .slice(0, ARRAY_MAX)
        .map(([key, item]) => [key.slice(0, 64), shorten(item, depth + 1)]),
    );
  }
  return value;
}

export function auditParams(
  params: unknown,
  options: {
    /** The action's input fields (null: none can be trusted, keep none). */
    keys: readonly string[] | null;
    extraKeys?: readonly string[];
    secrets?: readonly string[];
  },
): unknown {
  const kept = shorten(redactParams(pick(params, options.keys), options));
  const size = Buffer.byteLength(JSON.stringify(kept) ?? '', 'utf8');
  return size > AUDIT_PARAMS_MAX_BYTES ? { truncated: true, bytes: size } : kept;
}
