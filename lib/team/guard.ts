import 'server-only';
import {
  GandiError,
  operationInfo,
  userMessage,
  vmInfo,
  waitForOperations,
  type GandiConnection,
} from '@/lib/gandi';
import type { VerifiedSession } from '@/lib/dal/auth';
import { heldRequestOf } from './approvals/held';
import { auditParams } from './audit/audit-params';
import { requestAddress } from './client-address';
import type { ActionPermission, ResourceRef } from './permission';
import type { TeamPrincipal } from './principal';
import { decide, isMutating, ROLE_LABELS } from './roles';
import { getTeamStore } from './runtime';
import type { AuditOperation } from './store/audit-store';
import type { TeamStore } from './store/team-store';

/**
 * Team-mode enforcement for `defineAction` (loaded only for team members): the permission check
 * before any API call, the audit entry for every mutating action, accepted or refused, and the
 * record of who created which Gandi object.
 */

export const UNDECLARED_MESSAGE = 'This action is not available to team members.';

export function refusalMessage(principal: TeamPrincipal): string {
  return `Your role (${ROLE_LABELS[principal.role]}) does not allow this.`;
}

function toRefs(value: ResourceRef | readonly ResourceRef[] | null | undefined): ResourceRef[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value as ResourceRef];
  return list.filter((ref) => Number.isSafeInteger(ref.id) && ref.id > 0);
}

function describeResource(refs: readonly ResourceRef[]): string | null {
  const first = refs[0];
  return first ? `${first.kind}:${first.id}` : null;
}

interface AuditContext {
  store: TeamStore;
  principal: TeamPrincipal;
  ip: string | null;
  secrets: string[];
}

async function auditContext(ctx: VerifiedSession, principal: TeamPrincipal): Promise<AuditContext> {
  return {
    store: await getTeamStore(),
    principal,
    ip: await requestAddress(),
    secrets: [ctx.conn.apiKey],
  };
}

/**
 * The parameters an audit entry keeps: the fields the action knows (`keys`; for parsed input,
 * its own), redacted and capped (`auditParams`).
 */
function redacted(
  params: unknown,
  options: ActionPermission<never> | undefined,
  secrets: string[],
  keys: readonly string[] | null = ownKeys(params),
): unknown {
  const extraKeys = [...(options?.audit?.redact ?? [])];
  // An SSH key's `value` is the public key: not secret, but long and personal; keep it out.
  if (options?.permission.startsWith('ssh.')) extraKeys.push('value');
  return auditParams(params, { keys, extraKeys, secrets });
}

/** Parsed input holds only the fields its schema knows. */
const ownKeys = (value: unknown): string[] | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : null;

/**
 * Permission before parsing: a member whose role may not do this at all is refused before their
 * input is validated, and the refusal logs only the (capped) fields the action knows. An action
 * that declares nothing is refused too (fail closed).
 */
export async function authorizeBeforeParsing(
  ctx: VerifiedSession,
  principal: TeamPrincipal,
  options: ActionPermission<never> | undefined,
  rawInput: unknown,
  keys: readonly string[] | null,
): Promise<Authorization> {
  if (options && decide(principal.role, options.permission) !== 'deny') {
    return { allowed: true, refs: [] };
  }
  const audit = await auditContext(ctx, principal);
  const message = options ? refusalMessage(principal) : UNDECLARED_MESSAGE;
  // Reads are not audited (a viewer may read); a refused change is.
  if (options && !isMutating(options.permission)) return { allowed: false, message };
  await audit.store.appendAudit(principal.workspaceId, {
    memberId: principal.memberId,
    memberEmail: principal.memberEmail,
    ip: audit.ip,
    action: options?.permission ?? 'undeclared',
    resource: null,
    params: redacted(rawInput, options, audit.secrets, options ? keys : null),
    result: 'refused',
    message,
  });
  return { allowed: false, message };
}

export type Authorization =
  { allowed: true; refs: ResourceRef[] } | { allowed: false; message: string };

/**
 * Decides before any upstream call. Refusals of mutating (or undeclared) actions are written to
 * the audit log with the (redacted) parameters that were attempted.
 */
export async function authorizeTeamAction<I>(
  ctx: VerifiedSession,
  principal: TeamPrincipal,
  options: ActionPermission<I> | undefined,
  input: I | undefined,
  rawInput: unknown,
): Promise<Authorization> {
  const audit = await auditContext(ctx, principal);
  if (!options) {
    await audit.store.appendAudit(principal.workspaceId, {
      memberId: principal.memberId,
      memberEmail: principal.memberEmail,
      ip: audit.ip,
      action: 'undeclared',
      resource: null,
      params: redacted(rawInput, undefined, audit.secrets, null),
      result: 'refused',
      message: UNDECLARED_MESSAGE,
    });
    return { allowed: false, message: UNDECLARED_MESSAGE };
  }
  let refs: ResourceRef[] = [];
  try {
    refs = input === undefined ? [] : toRefs(options.resource?.(input));
  } catch {
    refs = [];
  }
  const decision = decide(principal.role, options.permission);
  let allowed = decision === 'allow';
  // An operator's creation that names existing objects (attach the new interface to a VM, copy a
  // disk) touches them too: those must be the operator's as well.
  const operatorCreation =
    decision === 'allow' && principal.role === 'operator' && isMutating(options.permission);
  if (decision === 'own' || (operatorCreation && refs.length > 0)) {
    // Ownership needs an object to check: an action that names none is refused (fail closed).
    allowed =
      refs.length > 0 &&
      (await audit.store.ownsAll(principal.workspaceId, principal.memberId, refs));
  }
  if (allowed) return { allowed: true, refs };
  const message = refusalMessage(principal);
  await audit.store.appendAudit(principal.workspaceId, {
    memberId: principal.memberId,
    memberEmail: principal.memberEmail,
    ip: audit.ip,
    action: options.permission,
    resource: describeResource(refs),
    params: redacted(
      input,
      options as ActionPermission<never>,
      audit.secrets,
      input === undefined ? null : ownKeys(input),
    ),
    result: 'refused',
    message,
  });
  return { allowed: false, message };
}

/** Invalid input for a mutating action is an attempt too: recorded as `invalid`. */
export async function recordInvalidInput(
  ctx: VerifiedSession,
  principal: TeamPrincipal,
  options: ActionPermission<never>,
  rawInput: unknown,
  keys: readonly string[] | null,
): Promise<void> {
  if (!isMutating(options.permission)) return;
  const audit = await auditContext(ctx, principal);
  await audit.store.appendAudit(principal.workspaceId, {
    memberId: principal.memberId,
    memberEmail: principal.memberEmail,
    ip: audit.ip,
    action: options.permission,
    resource: null,
    params: redacted(rawInput, options, audit.secrets, keys),
    result: 'invalid',
    message: 'Invalid input',
  });
}

function isNextRedirect(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT');
}

/** Operation ids (and types) anywhere in an action's result: `{ operations: [{ id, type }] }` etc. */
export function collectOperations(value: unknown, depth = 0): AuditOperation[] {
  if (depth > 4 || !value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item) => collectOperations(item, depth + 1));
  const record = value as Record<string, unknown>;
  const found: AuditOperation[] = [];
  if (
    typeof record.id === 'number' &&
    typeof record.type === 'string' &&
    (depth > 0 || typeof record.step === 'string')
  ) {
    found.push({ id: record.id, type: record.type });
    return found;
  }
  for (const key of ['operations', 'operation', 'ops']) {
    if (key in record) found.push(...collectOperations(record[key], depth + 1));
  }
  const unique = new Map(found.map((op) => [op.id, op]));
  return [...unique.values()].slice(0, 50);
}

export type Outcome = { ok: true; data: unknown } | { ok: false; error: unknown };

/** After the handler ran: the audit entry, ownership of what was created, final steps later. */
export async function recordTeamOutcome<I>(
  ctx: VerifiedSession,
  principal: TeamPrincipal,
  options: ActionPermission<I>,
  input: I,
  refs: ResourceRef[],
  outcome: Outcome,
): Promise<void> {
  if (!isMutating(options.permission)) return;
  const audit = await auditContext(ctx, principal);
  const succeeded = outcome.ok || isNextRedirect(outcome.error);
  const operations = outcome.ok ? collectOperations(outcome.data) : [];
  // Ownership first, so that a creation's entry names what it created (`vm:42`).
  const created = await recordOwnership(
    audit.store,
    ctx.conn,
    principal,
    options.permission,
    operations,
  );
  const createdKind = options.permission.split('.')[0];
  const named = refs.length > 0 ? refs : created.filter((ref) => ref.kind === createdKind);
  await audit.store.appendAudit(principal.workspaceId, {
    memberId: principal.memberId,
    memberEmail: principal.memberEmail,
    ip: audit.ip,
    action: options.permission,
    resource: describeResource(named.length > 0 ? named : created),
    params: redacted(input, options as ActionPermission<never>, audit.secrets),
    result: succeeded ? 'ok' : 'error',
    message: outcome.ok
      ? heldMessage(outcome.data)
      : succeeded
        ? null
        : describeError(outcome.error),
    operations,
  });
  if (operations.length === 0) return;
  watchFinalSteps(audit.store, ctx.conn, principal.workspaceId, operations);
}

/** A delete the approval policy turned into a request says so (it ran nothing upstream). */
function heldMessage(data: unknown): string | null {
  const held = heldRequestOf(data);
  return held ? `Held for approval (request ${held.requestId}).` : null;
}

function describeError(err: unknown): string {
  if (err instanceof GandiError) return userMessage(err);
  if (err instanceof Error && err.name === 'ActionError') return err.message;
  return 'Failed';
}

async function recordOwnership(
  store: TeamStore,
  conn: GandiConnection,
  principal: TeamPrincipal,
  permission: string,
  operations: AuditOperation[],
): Promise<ResourceRef[]> {
  // A template launch creates a VM like vm.create does.
  const creates = permission.endsWith('.create') || permission === 'template.launch';
  return recordOwnedOperations(store, conn, principal.workspaceId, principal.memberId, {
    operations,
    creates,
  });
}

/** An operation as answered by a mutator (with its object ids), or only its id. */
export type OwnedOperation =
  | { id: number }
  | {
      id: number;
      vmId: number | null;
      diskId: number | null;
      ifaceId: number | null;
      ipId: number | null;
      type: string;
      params: Record<string, unknown>;
    };

/**
 * Records `memberId` as the owner of these operations and, for a creation, of what they create
 * (also used when the portal runs an approved request on the requester's behalf).
 */
export async function recordOwnedOperations(
  store: Pick<TeamStore, 'recordOwner'>,
  conn: GandiConnection,
  workspaceId: string,
  memberId: string,
  { operations, creates }: { operations: readonly OwnedOperation[]; creates: boolean },
): Promise<ResourceRef[]> {
  const created: ResourceRef[] = [];
  const own = async (ref: ResourceRef) => {
    await store.recordOwner(workspaceId, ref, memberId);
    if (ref.kind !== 'operation' && !created.some((c) => c.kind === ref.kind && c.id === ref.id)) {
      created.push(ref);
    }
  };
  for (const op of operations) await own({ kind: 'operation', id: op.id });
  if (!creates) return created;
  // Gandi objects carry no owner: the ids come from the operations the creation returned.
  for (const op of operations) {
    try {
      // The operations a mutator answered carry their ids already; others are read.
      const info = 'vmId' in op ? op : await operationInfo(conn, op.id);
      if (info.vmId) {
        await own({ kind: 'vm', id: info.vmId });
        await ownVmParts(conn, info.vmId, own);
      }
      if (info.diskId) await own({ kind: 'disk', id: info.diskId });
      if (info.ifaceId) await own({ kind: 'iface', id: info.ifaceId });
      if (info.ipId) await own({ kind: 'ip', id: info.ipId });
      // A load balancer's id is only in the operation's params (hosting.rproxy.create).
      if (info.type === 'rproxy_iaas_create' && typeof info.params.rproxy_id === 'number')
        await own({ kind: 'rproxy', id: info.params.rproxy_id });
    } catch (err) {
      console.error(`[team] ownership of operation ${op.id} not recorded: ${describeError(err)}`);
    }
  }
  return created;
}

/** A VM created together with its system disk, interface and IPs: all of them are the creator's. */
async function ownVmParts(
  conn: GandiConnection,
  vmId: number,
  own: (ref: ResourceRef) => Promise<void>,
): Promise<void> {
  try {
    const vm = await vmInfo(conn, vmId);
    for (const disk of vm.disks) await own({ kind: 'disk', id: disk.id });
    for (const iface of vm.ifaces) {
      await own({ kind: 'iface', id: iface.id });
      for (const ip of iface.ips ?? []) await own({ kind: 'ip', id: ip.id });
    }
  } catch {
    // The VM may not exist yet while its creation waits; the operation's own ids were recorded.
  }
}

const FINAL_WATCH_MS = 15 * 60 * 1000;

/** Appends an `operation.final` entry per operation when it ends (best effort, in the background). */
function watchFinalSteps(
  store: TeamStore,
  conn: GandiConnection,
  workspaceId: string,
  operations: AuditOperation[],
): void {
  const signal = AbortSignal.timeout(FINAL_WATCH_MS);
  void waitForOperations(
    { endpoint: conn.endpoint, apiKey: conn.apiKey },
    operations.map((op) => op.id),
    { signal, intervalMs: 2_000 },
  )
    .then((finals) => recordFinalSteps(store, workspaceId, finals))
    .catch(() => undefined);
}

export async function recordFinalSteps(
  store: TeamStore,
  workspaceId: string,
  finals: readonly { id: number; type: string; step: string; lastError: string | null }[],
): Promise<void> {
  const { unsettledOperations } = await import('./store/audit-store');
  const open = new Set(await unsettledOperations(store.db, workspaceId));
  for (const op of finals) {
    if (!open.has(op.id)) continue;
    await store.appendAudit(workspaceId, {
      memberId: null,
      memberEmail: null,
      ip: null,
      action: 'operation.final',
      resource: `operation:${op.id}`,
      params: {},
      result: op.step === 'DONE' ? 'ok' : 'error',
      message: op.lastError,
      operations: [{ id: op.id, type: op.type, step: op.step }],
    });
  }
}
