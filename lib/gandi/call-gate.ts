import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallParam } from './transport';

/**
 * The hook every mutator passes through (`write` in `rpc.ts`). A connection that carries a
 * `gate` lets it decide each upstream mutation — the XML-RPC method and its arguments — before
 * anything is sent; the team portal installs one on every member's connection
 * (`lib/team/gate/`). Personal connections carry none.
 */
export interface GatedCall {
  method: string;
  args: readonly CallParam[];
}

export interface CallGate {
  /** Decides `call`; runs `send` only when it may run (else throws), and learns how it ended. */
  pass<T>(call: GatedCall, send: () => Promise<T>): Promise<T>;
}

/** A mutator called without the gate where one is required (a programming error, never input). */
export class UngatedCallError extends Error {
  constructor(method: string) {
    super(`${method} was called around the gate: team code must use its gated connection.`);
    this.name = 'UngatedCallError';
  }
}

const gatedScope = new AsyncLocalStorage<true>();

/**
 * Runs `fn` as work caused by a team member: inside it, a mutator called on a connection without
 * a gate (a copy of the key, a connection built by hand) throws instead of reaching the API.
 */
export function runGated<T>(fn: () => Promise<T>): Promise<T> {
  return gatedScope.run(true, fn);
}

export function inGatedScope(): boolean {
  return gatedScope.getStore() === true;
}
