/**
 * Property: every function of the client that mutates (calls the API with a non-idempotent
 * request) is decided by the gate, and the gate knows its method. The client's exports are
 * enumerated, each is called with placeholder arguments on a connection whose transport records
 * what it was asked; a function added to `lib/gandi` (a new area, a new method) is covered
 * without touching this test — and fails it until `call-rules.ts` knows its method.
 */
import { describe, expect, it, vi } from 'vitest';

const sent: { method: string; idempotent: boolean }[] = [];
vi.mock('@/lib/gandi/transport', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/gandi/transport')>();
  return {
    ...actual,
    call: async (
      _conn: unknown,
      method: string,
      _params: unknown,
      options?: { idempotent?: boolean },
    ) => {
      sent.push({ method, idempotent: options?.idempotent ?? true });
      throw new Error('recorded, not sent');
    },
  };
});

const client = (await import('@/lib/gandi')) as unknown as Record<string, unknown>;
const { CALL_RULES } = await import('./call-rules');

/** Exported functions that make no API call of their own (helpers, errors, scopes). */
const NOT_API_CALLS = new Set([
  'GandiError',
  'isGandiError',
  'userMessage',
  'decodeFaultCode',
  'findOperation',
  'isFinal',
  'operationsForVm',
  'listAll',
  'runGated',
  'inGatedScope',
  'UngatedCallError',
]);

const PLACEHOLDER_ARGS = [1, 1, { datacenter_id: 1, name: 'x', size: 1024 }, 1];
const base = { endpoint: 'http://127.0.0.1:9/xmlrpc/', apiKey: 'k'.repeat(24), timeoutMs: 100 };

async function methodsOf(name: string, fn: (...args: unknown[]) => unknown) {
  sent.length = 0;
  const seenByGate: string[] = [];
  const conn = {
    ...base,
    gate: {
      pass: async (call: { method: string }, send: () => Promise<unknown>) => {
        seenByGate.push(call.method);
        return send();
      },
    },
  };
  try {
    await fn(conn, ...PLACEHOLDER_ARGS);
  } catch {
    // Every call fails (nothing is sent): only what was asked matters.
  }
  return { name, sent: [...sent], seenByGate };
}

describe('every client mutator goes through the gate', () => {
  const functions = Object.entries(client).filter(
    (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function',
  );

  it('finds the API functions of the client (reads and mutators)', async () => {
    const results = await Promise.all(functions.map(([name, fn]) => methodsOf(name, fn)));
    const silent = results.filter((r) => r.sent.length === 0 && r.seenByGate.length === 0);
    // A function that calls nothing with placeholder arguments must be a known helper; anything
    // else could be a mutator this test cannot see.
    expect(silent.map((r) => r.name).filter((name) => !NOT_API_CALLS.has(name))).toEqual([]);
    const mutators = results.filter(
      (r) => r.sent.some((s) => !s.idempotent) || r.seenByGate.length > 0,
    );
    expect(mutators.length).toBeGreaterThanOrEqual(26);
  });

  it('sends no mutation the gate did not see, and the gate knows every mutating method', async () => {
    for (const [name, fn] of functions) {
      const result = await methodsOf(name, fn);
      const mutations = result.sent.filter((s) => !s.idempotent).map((s) => s.method);
      // What reached the transport as a mutation passed the gate first…
      expect({ name, unseen: mutations.filter((m) => !result.seenByGate.includes(m)) }).toEqual({
        name,
        unseen: [],
      });
      // …and the gate has a rule for it (a method it does not know would be refused anyway).
      const unknown = result.seenByGate.filter((method) => !Object.hasOwn(CALL_RULES, method));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
    }
  });

  it('has no rule for a method the client does not call (the table matches the client)', async () => {
    const called = new Set<string>();
    for (const [name, fn] of functions) {
      for (const method of (await methodsOf(name, fn)).seenByGate) called.add(method);
    }
    expect(Object.keys(CALL_RULES).filter((method) => !called.has(method))).toEqual([]);
  });
});
