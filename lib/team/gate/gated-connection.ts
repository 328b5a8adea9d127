import 'server-only';
import { ActionError } from '@/lib/action';
import { getPricing } from '@/lib/cost/pricing';
import {
  datacenterList,
  diskInfo,
  GandiError,
  ifaceInfo,
  imageList,
  listAll,
  sshList,
  vmInfo,
  type CallGate,
  type GandiConnection,
} from '@/lib/gandi';
import { QuotaExceededError, quotaLinesFor } from '../quotas/enforce';
import { getApprovalPolicy } from '../approvals/policy-store';
import { getTeamStore } from '../runtime';
import type { QuotaDelta } from '../quotas/quota-model';
import { decideCall } from './decide';
import { recordOwnedOperations } from '../guard';
import {
  getReservationStore,
  operationsIn,
  releaseReservation,
  reservationAnswered,
  reserveQuota,
} from './quota-reservation';
import type {
  GateCall,
  GateDecision,
  GateDeps,
  GateMember,
  GateReads,
  RefusalKind,
} from './gate-types';

/** A call the gate refused: shown to the member as it is (an `ActionError`). */
export class GateRefusal extends ActionError {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    fieldErrors?: Record<string, string[]>,
  ) {
    super(message, fieldErrors);
    this.name = 'GateRefusal';
  }
}

/** A call the policy holds for an admin's approval (nothing was sent). */
export class GateHold extends ActionError {
  constructor(readonly reason: string) {
    super(`Needs approval — ${reason}`);
    this.name = 'GateHold';
  }
}

/** The error a decision that does not run becomes (quota refusals keep their field). */
export function decisionError(decision: GateDecision): ActionError | null {
  if (decision.verdict === 'run') return null;
  if (decision.verdict === 'hold') return new GateHold(decision.reason);
  if (decision.kind === 'quota' && decision.quotaLines) {
    return new QuotaExceededError(decision.quotaLines, decision.field);
  }
  return new GateRefusal(decision.kind, decision.reason);
}

const isGone = (err: unknown) => err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND';
const orNull = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((err: unknown) => {
    if (isGone(err)) return null;
    throw err;
  });

/** The reads of one decision, each made at most once. */
export function upstreamReads(conn: GandiConnection): GateReads {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load());
    return memo.get(key) as Promise<T>;
  };
  return {
    datacenters: () => once('dc', () => datacenterList(conn)),
    images: (dc) => once(`img:${dc}`, () => imageList(conn, { datacenter_id: dc })),
    disk: (id) => once(`disk:${id}`, () => orNull(diskInfo(conn, id))),
    vm: (id) => once(`vm:${id}`, () => orNull(vmInfo(conn, id))),
    iface: (id) => once(`iface:${id}`, () => orNull(ifaceInfo(conn, id))),
    sshKeyIds: () =>
      once('ssh', async () => new Set((await listAll(conn, sshList)).map((key) => key.id))),
    prices: () =>
      once('prices', async () => {
        const pricing = await getPricing(conn);
        return pricing.status === 'known' ? pricing.prices : null;
      }),
  };
}

/** The portal's storage behind a decision, over `conn` for the upstream reads. */
export function portalGateDeps(conn: GandiConnection): GateDeps {
  const reads = upstreamReads(conn);
  return {
    reads,
    owns: async (member, refs) =>
      (await getTeamStore()).ownsAll(member.workspaceId, member.memberId, refs),
    policy: (workspaceId) => getApprovalPolicy(workspaceId),
    quotaLines: async (member, delta) => {
      const pending = await (await getReservationStore()).active(member.workspaceId);
      const prices = await reads.prices();
      return quotaLinesFor(conn, member.workspaceId, member.memberId, delta, prices, pending);
    },
    reserve: async (member, delta, options) =>
      reserveQuota(conn, member, delta, await reads.prices(), options),
    answered: reservationAnswered,
    release: releaseReservation,
    recordCreated: async (member, result, creates) => {
      const operations = operationsIn(result);
      if (operations.length === 0) return;
      await recordOwnedOperations(await getTeamStore(), conn, member.workspaceId, member.memberId, {
        operations,
        creates,
      });
    },
  };
}

export interface GateOptions {
  /**
   * Running a request an admin approved: the policy's hold and the quota refusal are what the
   * approval was for, so they let it run; everything else is decided as for the member.
   */
  approved?: boolean;
  /** The storage behind decisions (tests give their own). */
  deps?: (conn: GandiConnection) => GateDeps;
}

/** Decides one call for `member` (the approval filing asks this without sending anything). */
export function decideFor(
  conn: GandiConnection,
  member: GateMember,
  call: GateCall,
  options: GateOptions = {},
): Promise<GateDecision> {
  const { gate: _gate, ...plain } = conn;
  return decideCall(member, call, (options.deps ?? portalGateDeps)(plain));
}

const grows = (delta: QuotaDelta) => Object.values(delta).some((value) => (value ?? 0) > 0);
/** Calls whose operations create objects (the reservation counts them until they exist). */
const creates = (permission: string) =>
  permission.endsWith('.create') || permission === 'disk.snapshot';

/**
 * `conn` with the gate installed: every mutator called with it is decided for `member` first and
 * sent only when the answer is run. The only connection team code is given.
 */
export function gatedConnection(
  conn: GandiConnection,
  member: GateMember,
  options: GateOptions = {},
): GandiConnection {
  const { gate: _gate, ...plain } = conn;
  const approved = options.approved === true;
  const gate: CallGate = {
    async pass(call, send) {
      const deps = (options.deps ?? portalGateDeps)(plain);
      // The quota is checked by the reservation below, atomically with recording it.
      const decision = await decideCall(member, call, deps, { quota: false });
      if (decision.verdict === 'refuse' || (decision.verdict === 'hold' && !approved)) {
        throw decisionError(decision);
      }
      let reservation: string | null = null;
      if (grows(decision.delta)) {
        const reserved = await deps.reserve(member, decision.delta, { enforce: !approved });
        if (!reserved.ok) {
          const field = decision.verdict === 'run' ? decision.quotaField : undefined;
          throw new QuotaExceededError(reserved.lines, field);
        }
        reservation = reserved.id;
      }
      let result: Awaited<ReturnType<typeof send>>;
      try {
        result = await send();
      } catch (err) {
        // Refused upstream (or never answered): nothing was made, nothing stays reserved.
        if (reservation) await deps.release(reservation);
        throw err;
      }
      const creation = creates(decision.permission);
      // Ownership before the reservation follows the operations: once a reservation ends, the
      // live usage must find what it counted as this member's.
      await deps.recordCreated(member, result, creation);
      if (reservation) await deps.answered(reservation, result, creation);
      return result;
    },
  };
  return { ...plain, gate };
}
