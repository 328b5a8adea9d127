import 'server-only';
import type { PriceTable } from '@/lib/cost/estimate';
import { operationInfo, type GandiConnection } from '@/lib/gandi';
import { getTeamDb } from '../db';
import type { OwnedOperation } from '../guard';
import type { ResourceRef } from '../permission';
import { hasLimits, quotaLines, quotaSnapshot } from '../quotas/enforce';
import { getQuotaStore } from '../quotas/quota-store';
import type { QuotaDelta } from '../quotas/quota-model';
import { ReservationStore } from '../quotas/reservation-store';
import type { GateMember } from './gate-types';

/**
 * The quota step of a call the gate lets run: its delta is checked and reserved atomically (see
 * `ReservationStore.reserve`); the reservation follows the call's operations and ends with them,
 * or at once when the upstream refuses the call.
 */

export async function getReservationStore(): Promise<ReservationStore> {
  const { db, dialect } = await getTeamDb();
  return new ReservationStore(db, dialect);
}

/** Without any limit nothing is counted (and no reservation is kept). */
async function hasAnyLimit(member: GateMember): Promise<boolean> {
  const quotas = await getQuotaStore();
  const [mine, workspace] = await Promise.all([
    quotas.limits(member.workspaceId, member.memberId),
    quotas.limits(member.workspaceId, null),
  ]);
  return hasLimits(mine) || hasLimits(workspace);
}

export type Reserved = { ok: true; id: string | null } | { ok: false; lines: string[] };

export async function reserveQuota(
  conn: GandiConnection,
  member: GateMember,
  delta: QuotaDelta,
  prices: PriceTable | null,
  { enforce }: { enforce: boolean },
): Promise<Reserved> {
  if (!(await hasAnyLimit(member))) return { ok: true, id: null };
  const store = await getReservationStore();
  await store.settle(member.workspaceId, async (id) => {
    const op = await operationInfo(conn, id).catch(() => null);
    return op?.step ?? null;
  });
  // Live usage is read outside the lock (upstream reads take time); what it cannot see — calls
  // in flight, objects still being created — the reservations count, read again under the lock.
  const liveSince = store.clock();
  const before = await store.active(member.workspaceId);
  const exclude = before.flatMap((reservation) => reservation.createdRefs);
  const snapshot = await quotaSnapshot(conn, member.workspaceId, member.memberId, prices, exclude);
  if (!snapshot) return { ok: true, id: null };
  return store.reserve(member.workspaceId, member.memberId, delta, liveSince, (pending) =>
    enforce ? quotaLines(snapshot, pending, delta) : [],
  );
}

/** An operation as a mutator answers it (with its step and object ids). */
type OperationLike = Extract<OwnedOperation, { vmId: number | null }> & { step: string };

/**
 * The operations in a mutator's answer (one operation, or a list), or in a call the XML-RPC
 * endpoint forwarded (`forwardCall`'s `{ value, body, operations }`).
 */
export function operationsIn(result: unknown): OperationLike[] {
  const forwarded = (result as { operations?: unknown } | null)?.operations;
  const list = Array.isArray(forwarded) ? forwarded : Array.isArray(result) ? result : [result];
  return list.filter(
    (item): item is OperationLike =>
      !!item &&
      typeof item === 'object' &&
      typeof (item as OperationLike).id === 'number' &&
      typeof (item as OperationLike).step === 'string' &&
      'vmId' in item,
  );
}

/** The call answered: the reservation follows its operations (a creation: what it creates). */
export async function reservationAnswered(
  id: string,
  result: unknown,
  creates: boolean,
): Promise<void> {
  const store = await getReservationStore();
  const operations = operationsIn(result);
  if (operations.length === 0) {
    // Nothing to follow (an answer without operations): the change is already live.
    await store.release(id);
    return;
  }
  const created: ResourceRef[] = creates
    ? operations.flatMap((op) => [
        ...(op.vmId ? [{ kind: 'vm' as const, id: op.vmId }] : []),
        ...(op.diskId ? [{ kind: 'disk' as const, id: op.diskId }] : []),
        // A load balancer's id is only in its creation's params.
        ...(typeof op.params?.rproxy_id === 'number'
          ? [{ kind: 'rproxy' as const, id: op.params.rproxy_id }]
          : []),
      ])
    : [];
  await store.answered(
    id,
    operations.map((op) => op.id),
    created,
  );
}

export async function releaseReservation(id: string): Promise<void> {
  await (await getReservationStore()).release(id);
}
