import { badApiKeyFormat, internalFault, invalidApiKey, unknownMethodFault } from './faults';
import { METHODS } from './methods';
import type { CallContext } from './methods/context';
import { advanceOperations } from './state/operations';
import type { Sim } from './state/sim';
import type { AccountRec } from './state/types';
import { XmlRpcFault, type XmlParam, type XmlValue } from './xmlrpc/values';

const API_KEY_RE = /^[a-z0-9]{24}$/;

/** An anonymous caller for `system.*` (no key, no account). */
const NOBODY: AccountRec = {
  id: -1,
  apiKey: '',
  handle: '',
  fullname: '',
  credits: 0,
  cycleDay: 1,
  dateCreditsExpiration: null,
};

export type CallResult = { ok: true; value: XmlValue } | { ok: false; fault: XmlRpcFault };

/**
 * One XML-RPC call: due operation transitions first, then the method (key check first, except
 * for `system.*`). A thrown non-fault is a bug: it becomes fault 150000 and the server goes on.
 */
export function dispatch(
  sim: Sim,
  methodName: string,
  params: XmlParam[],
  remoteAddress: string,
): CallResult {
  try {
    advanceOperations(sim, sim.now());
    const def = METHODS.get(methodName);
    if (!def) throw unknownMethodFault(methodName);
    let account = NOBODY;
    let args = params;
    if (!def.noAuth) {
      const key = params[0];
      if (typeof key !== 'string' || !API_KEY_RE.test(key)) throw badApiKeyFormat(key);
      const found = sim.accountByKey(key);
      if (!found) throw invalidApiKey();
      account = found;
      args = params.slice(1);
      const counts = sim.calls.get(found.id) ?? new Map<string, number>();
      counts.set(methodName, (counts.get(methodName) ?? 0) + 1);
      sim.calls.set(found.id, counts);
    }
    const ctx: CallContext = { sim, account, method: methodName, args, remoteAddress };
    return { ok: true, value: def.handler(ctx) };
  } catch (error) {
    if (error instanceof XmlRpcFault) return { ok: false, fault: error };
    // Log the method only: arguments may hold keys or passwords.
    console.error(
      `simulator: internal error in ${methodName}:`,
      error instanceof Error ? error.stack : error,
    );
    return { ok: false, fault: internalFault() };
  }
}
