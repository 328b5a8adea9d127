import { int } from '../args';
import { dataFault, noCredits, notFound, type FaultObject } from '../faults';
import { creditsNow } from '../state/billing';
import { DATACENTER_BY_ID } from '../state/catalog';
import type { Sim } from '../state/sim';
import type { RecordKinds } from '../state/store';
import type { AccountRec, DatacenterRec, Id } from '../state/types';
import type { XmlParam, XmlValue } from '../xmlrpc/values';

/** What a handler receives: the state, the caller's account and the arguments after the key. */
export interface CallContext {
  sim: Sim;
  account: AccountRec;
  method: string;
  args: XmlParam[];
  /** The HTTP peer (recorded in vlan operation params as `remote_addr`). */
  remoteAddress: string;
}

export type Handler = (ctx: CallContext) => XmlValue;

export interface MethodDef {
  handler: Handler;
  /** `system.*` methods take no API key. */
  noAuth?: boolean;
}

export type OwnedKind = Exclude<keyof RecordKinds, 'account'>;

const LABELS: Record<OwnedKind, [FaultObject, string]> = {
  vm: ['OBJECT_VM', 'VM'],
  disk: ['OBJECT_DISK', 'Disk'],
  iface: ['OBJECT_IFACE', 'Iface'],
  ip: ['OBJECT_IP', 'IP'],
  vlan: ['OBJECT_VLAN', 'Vlan'],
  ssh: ['OBJECT_KEY', 'Key'],
  op: ['OBJECT_OPERATION', 'Operation'],
  rproxy: ['OBJECT_RPROXY', 'Rproxy'],
  dnsValidation: ['OBJECT_DNS_TXT', 'Validation'],
};

/**
 * The caller's object with that id. Another account's object answers exactly like a missing one,
 * so ids cannot be probed across accounts.
 */
export function owned<K extends OwnedKind>(
  ctx: CallContext,
  kind: K,
  raw: XmlParam | undefined,
  argName: string,
): RecordKinds[K] {
  const id = int(raw, argName);
  const rec = ctx.sim.store.get(kind, id) as (RecordKinds[K] & { accountId: Id }) | undefined;
  if (!rec || rec.accountId !== ctx.account.id) {
    const [object, label] = LABELS[kind];
    throw notFound(object, label, id);
  }
  return rec;
}

/**
 * `owned`, for a call that changes the object: refused while an earlier operation on it has not
 * ended (the real API's `locked` objects, CAUSE_PENDING), so 50 parallel `vm.stop` start one stop.
 */
export function ownedIdle<K extends 'vm' | 'disk' | 'iface' | 'ip' | 'vlan'>(
  ctx: CallContext,
  kind: K,
  raw: XmlParam | undefined,
  argName: string,
): RecordKinds[K] {
  const rec = owned(ctx, kind, raw, argName);
  requireIdle(ctx, kind, rec.id);
  return rec;
}

export function requireIdle(
  ctx: CallContext,
  kind: 'vm' | 'disk' | 'iface' | 'ip' | 'vlan',
  id: Id,
): void {
  const opId = ctx.sim.store.busyWith(kind, id);
  if (opId === undefined) return;
  const [object, label] = LABELS[kind];
  throw dataFault(
    object,
    'CAUSE_PENDING',
    `${label} ${id} is locked by operation ${opId}, which has not ended yet`,
  );
}

export function requireCredits(ctx: CallContext): void {
  if (creditsNow(ctx.sim, ctx.account) <= 0) throw noCredits();
}

/**
 * A datacenter open for creating resources: `ALL` refuses everyone, `NEW` refuses accounts with
 * nothing there yet (reference §6, "opened datacenter constraint").
 */
export function openDatacenter(
  ctx: CallContext,
  raw: XmlParam | undefined,
  argName: string,
): DatacenterRec {
  const id = int(raw, argName);
  const dc = DATACENTER_BY_ID.get(id);
  if (!dc) throw notFound('OBJECT_DATACENTER', 'Datacenter', id);
  if (dc.iaasClosedFor === 'ALL' || (dc.iaasClosedFor === 'NEW' && !hasResourcesIn(ctx, id))) {
    throw dataFault(
      'OBJECT_DATACENTER',
      'CAUSE_DATACENTER',
      `Datacenter ${dc.dcCode} is closed for new resources`,
    );
  }
  return dc;
}

function hasResourcesIn(ctx: CallContext, dcId: Id): boolean {
  const { store } = ctx.sim;
  const accountId = ctx.account.id;
  for (const kind of ['vm', 'disk', 'iface', 'vlan', 'rproxy'] as const) {
    for (const rec of store.tables[kind].values()) {
      if (rec.accountId === accountId && rec.datacenterId === dcId) return true;
    }
  }
  return false;
}

export function sameDatacenter(object: FaultObject, what: string, a: Id, b: Id): void {
  if (a !== b)
    throw dataFault(object, 'CAUSE_DATACENTER', `${what} must be in the same datacenter`);
}
