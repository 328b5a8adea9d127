/**
 * A call passed through as it is, for the portal's XML-RPC endpoint (issue 14): the tools that call
 * the portal expect Gandi's exact answer, which the typed functions reshape away. The answer's text
 * is kept (a whole-number `<double>` stays a double) beside its decoded value (to read operation ids
 * from it). The key is prepended here, as `call` does, and never appears in an error.
 */
import type { XmlRpcValue } from './decoder';
import { redact } from './errors';
import { post } from './http-exchange';
import { encodeCall, type CallParam } from './transport';
import type { GandiConnection } from './types';

export interface ForwardedAnswer {
  value: XmlRpcValue;
  /** The methodResponse as the endpoint sent it, with the key redacted should it appear. */
  body: string;
}

/** Calls `method` with the connection's key before `params`; no sharing, no retry (may mutate). */
export async function forwardCall(
  conn: GandiConnection,
  method: string,
  params: readonly CallParam[],
): Promise<ForwardedAnswer> {
  let text = '';
  const body = encodeCall(method, [conn.apiKey, ...params]);
  const value = await post({
    conn,
    method,
    body,
    signal: conn.signal,
    onBody: (answer) => {
      text = answer;
    },
  });
  return { value, body: text.includes(conn.apiKey) ? redact(text, [conn.apiKey]) : text };
}
