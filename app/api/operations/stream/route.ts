import type { NextRequest } from 'next/server';
import { verifySession } from '@/lib/dal/auth';
import { parseKnown } from '@/lib/operations/event-id';
import { operationWatchers, operationWatchersReady } from '@/lib/operations/registry';
import {
  HEARTBEAT_MS,
  operationEventStream,
  refusedStream,
  SSE_HEADERS,
} from '@/lib/operations/sse';
import {
  StreamCounter,
  takeStreamSlot,
  TOO_MANY_STREAMS,
  watchRefusal,
} from '@/lib/operations/stream-limits';
import { watcherKey } from '@/lib/operations/watcher';
import { getSession } from '@/lib/session';
import { panelMetrics } from '@/lib/observability/metrics';
import { onDrain } from '@/lib/server/lifecycle';
import type { WatchScope } from '@/lib/operations/watcher';
import { teamRouteRefusal } from '@/lib/team/route-guard';
import { memberBoundSignal } from '@/lib/team/stream-signal';

// Streams live data per account: never cached, always on the Node runtime (the client uses node:http).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Upper bound of ids one stream may watch (a page never shows more). */
const MAX_IDS = 100;

const holder = globalThis as typeof globalThis & { __streamCounter?: StreamCounter };
/** Used only while the shared storage is unreachable (see takeStreamSlot). */
const localStreams = (holder.__streamCounter ??= new StreamCounter());

/**
 * GET /api/operations/stream?ids=1,2,3 (those operations) or ?scope=running (whatever runs now).
 * Checks the session itself: route handlers are public endpoints whatever the proxy does.
 */
export async function GET(request: NextRequest) {
  const session = await verifySession();
  if (!session) return new Response('Not signed in', { status: 401 });
  const refusal = await teamRouteRefusal(session, 'operation.read');
  if (refusal) return refusal;
  const scope = parseScope(request.nextUrl.searchParams);
  if (!scope)
    return new Response('Give ?ids=1,2,3 (at most 100) or ?scope=running', { status: 400 });
  const known = parseKnown(request.headers.get('last-event-id'));
  await operationWatchersReady();
  const refused = watchRefusal(operationWatchers.existing(session.conn), scope);
  const release = refused ? null : await takeStreamSlot(await streamOwner(session), localStreams);
  if (!release)
    return new Response(refusedStream(refused ?? TOO_MANY_STREAMS), { headers: SSE_HEADERS });
  const watcher = operationWatchers.forConnection(session.conn);
  // A team member's stream also ends when their session is revoked (removal ends access at once).
  const signal = memberBoundSignal(session, request.signal);
  const stream = operationEventStream(watcher, scope, known, signal, HEARTBEAT_MS, {
    opened: () => {
      const { sseClients } = panelMetrics();
      sseClients.inc();
      return () => {
        sseClients.dec();
        release();
      };
    },
    onDrain,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}

/** Whose streams count together: the member session, or the personal session (else the key's). */
async function streamOwner(session: NonNullable<Awaited<ReturnType<typeof verifySession>>>) {
  if (session.principal?.kind === 'team') return `member:${session.principal.memberSessionId}`;
  const { personalSessionId } = await getSession();
  return personalSessionId ? `personal:${personalSessionId}` : `key:${watcherKey(session.conn)}`;
}

function parseScope(params: URLSearchParams): WatchScope | null {
  if (params.get('scope') === 'running') return { running: true };
  const raw = params.get('ids');
  if (!raw) return null;
  const ids = [...new Set(raw.split(',').map((part) => Number(part.trim())))];
  if (ids.length === 0 || ids.length > MAX_IDS) return null;
  if (!ids.every((id) => Number.isSafeInteger(id) && id > 0)) return null;
  return { ids };
}
