import { Suspense, type ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Sidebar } from '@/components/layout/sidebar';
import { OperationNotifier } from '@/components/notifications/operation-notifier';
import { RunwayWarning } from '@/components/notifications/runway-warning';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { MemberProvider } from '@/components/team/member-context';
import { requireSession } from '@/lib/dal/auth';
import { pendingApprovals } from '@/lib/team/approvals/pending-count';

/**
 * The authenticated shell. The session check here only decides what to render around the page;
 * every page, action and route handler checks the session again itself (layouts do not re-run on
 * client navigation).
 */
export default async function PanelLayout({ children }: { children: ReactNode }) {
  const { handle, endpoint, principal } = await requireSession();
  const approvals = await pendingApprovals(principal);
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <Sidebar
        counts={
          approvals && approvals.count > 0
            ? {
                '/team': {
                  count: approvals.count,
                  label: approvals.decides
                    ? 'approval requests waiting for a decision'
                    : 'of your approval requests waiting',
                },
              }
            : undefined
        }
        footer={
          <div className="space-y-2 px-3 text-sm">
            <p>
              <span className="sr-only">Signed in as </span>
              <span className="font-medium" data-testid="account-handle">
                {handle}
              </span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {endpoint.label}
              </span>
              {principal?.kind === 'team' ? (
                <span
                  className="block text-xs text-zinc-600 dark:text-zinc-400"
                  data-testid="team-member"
                >
                  {principal.memberEmail} · {principal.role}
                </span>
              ) : null}
            </p>
            <div className="-mx-2 flex flex-wrap gap-1">
              <ThemeToggle />
              <SignOutButton />
            </div>
            <OperationNotifier />
          </div>
        }
      />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:px-6 lg:py-8"
      >
        <Suspense fallback={null}>
          <RunwayWarning />
        </Suspense>
        <MemberProvider
          member={
            principal?.kind === 'team'
              ? { role: principal.role, memberId: principal.memberId }
              : null
          }
        >
          {children}
        </MemberProvider>
      </main>
    </div>
  );
}
