import 'server-only';
import type { VerifiedSession } from '@/lib/dal/auth';
import { teamStore } from './lazy-store';

/** How often an open stream re-checks that its member session still lives. */
export const STREAM_SESSION_CHECK_MS = 5_000;

/**
 * For long-lived responses (the operations event stream): a signal that also aborts when a team
 * member's session is revoked (removal, sign-out elsewhere), so an open stream does not outlive
 * the member's access. The browser's reconnect is then a new request, which is refused.
 * Personal sessions get `signal` back unchanged.
 */
export function memberBoundSignal(
  session: VerifiedSession,
  signal: AbortSignal,
  intervalMs = STREAM_SESSION_CHECK_MS,
): AbortSignal {
  if (session.principal?.kind !== 'team') return signal;
  const { memberSessionId } = session.principal;
  const controller = new AbortController();
  const stop = () => {
    clearInterval(timer);
    signal.removeEventListener('abort', end);
  };
  const end = () => {
    stop();
    controller.abort();
  };
  const timer = setInterval(() => {
    void teamStore()
      .then((store) => store.activeSessionMember(memberSessionId))
      .then((member) => {
        if (!member) end();
      })
      // Storage unreachable for a moment: keep streaming; every new request checks again.
      .catch(() => undefined);
  }, intervalMs);
  timer.unref?.();
  if (signal.aborted) end();
  else signal.addEventListener('abort', end, { once: true });
  return controller.signal;
}
