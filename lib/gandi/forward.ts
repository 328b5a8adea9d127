/**
 * A call passed through as it is, for the portal's XML-RPC endpoint (issue 14): the tools that call
 * the portal expect Gandi's exact answer, which the typed functions reshape away. The answer's text
 * is kept (a whole-number `<double>` stays a double) beside its decoded value and, for a mutation,
 * the operations it started as the typed functions return them (the gate follows those). It goes
 * the way every call goes: a mutation through `write`, so the connection's gate decides it (and, in
 * a gated scope, a connection without one is refused). Not exported from `index.ts`: only the
 * endpoint forwards calls it did not write itself.
 */
import type { XmlRpcValue } from './decoder';
import { redact } from './errors';
import { asOperations, read, write } from './rpc';
import type { CallParam } from './transport';
import type { GandiConnection, Operation } from './types';

export interface ForwardedAnswer {
  value: XmlRpcValue;
  /** The methodResponse as the endpoint sent it, with the key redacted should it appear. */
  body: string;
  /** The operations a mutation started (none for reads, or answers that are not operations). */
  operations: Operation[];
}

const isOperation = (v: unknown) =>
  !!v && typeof v === 'object' && 'id' in v && 'step' in v && 'type' in v;

function operationsOf(value: XmlRpcValue): Operation[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(isOperation)) return [];
  return asOperations(value);
}

export function forwardCall(
  conn: GandiConnection,
  call: { method: string; params: readonly CallParam[]; mutation: boolean },
): Promise<ForwardedAnswer> {
  let text = '';
  const keep = (answer: string) => {
    text = answer;
  };
  const shape = (value: XmlRpcValue): ForwardedAnswer => ({
    value,
    body: text.includes(conn.apiKey) ? redact(text, [conn.apiKey]) : text,
    operations: call.mutation ? operationsOf(value) : [],
  });
  return (call.mutation ? write : read)(conn, call.method, call.params, shape, keep);
}
