import 'server-only';
import { isFinal, operationInfo, type GandiConnection, type Operation } from '@/lib/gandi';
import type { ChainedAuditEntry, ChainVerdict } from './audit/chain';
import { recordFinalSteps } from './guard';
import type { TeamPrincipal } from './principal';
import { getTeamStore } from './runtime';
import { listAudit, unsettledOperations, type AuditFilters } from './store/audit-store';
import type { Member } from './store/team-store';

export interface AuditView {
  entries: ChainedAuditEntry[];
  verdict: ChainVerdict;
  members: Member[];
}

/** At most this many upstream look-ups per page view to close operations the watcher missed. */
const SETTLE_LIMIT = 20;

/**
 * Operations whose end no watcher recorded (a restart, a long wait) get their final step written
 * now, when someone looks at the log.
 */
async function settlePending(conn: GandiConnection, workspaceId: string): Promise<void> {
  const store = await getTeamStore();
  const pending = (await unsettledOperations(store.db, workspaceId)).slice(0, SETTLE_LIMIT);
  const finals: Operation[] = [];
  for (const id of pending) {
    try {
      const op = await operationInfo(conn, id);
      if (isFinal(op)) finals.push(op);
    } catch {
      // Unknown to the API now (or unreachable): left open, tried again next time.
    }
  }
  await recordFinalSteps(store, workspaceId, finals);
}

export async function loadAuditView(
  conn: GandiConnection,
  principal: TeamPrincipal,
  filters: AuditFilters,
): Promise<AuditView> {
  await settlePending(conn, principal.workspaceId);
  const store = await getTeamStore();
  const [entries, verdict, members] = await Promise.all([
    listAudit(store.db, principal.workspaceId, filters),
    store.verifyAudit(principal.workspaceId),
    store.listMembers(principal.workspaceId),
  ]);
  return { entries, verdict, members };
}

/** Filters from the page's query string (unknown keys ignored, dates as whole UTC days). */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>) {
  const one = (key: string) => {
    const value = params[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const day = (key: string, end: boolean) => {
    const value = one(key);
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
    return end ? `${value}T23:59:59.999Z` : `${value}T00:00:00.000Z`;
  };
  const filters: AuditFilters = {};
  const member = one('member');
  const action = one('action');
  const resource = one('resource');
  const from = day('from', false);
  const to = day('to', true);
  if (member) filters.memberId = member;
  if (action) filters.action = action;
  if (resource) filters.resource = resource;
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}
