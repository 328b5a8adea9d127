import type { Metadata } from 'next';
import { AcceptInviteForm } from '@/components/team/accept-invite-form';
import { ROLE_LABELS } from '@/lib/team/roles';
import { getTeamStore } from '@/lib/team/runtime';

export const metadata: Metadata = { title: 'Join a team workspace' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const store = await getTeamStore();
  const invite = await store.findOpenInvite(token);
  const workspace = invite ? await store.getWorkspace(invite.workspace_id) : undefined;
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm space-y-6">
        {invite && workspace ? (
          <>
            <div className="text-center">
              <h1 className="text-2xl font-semibold tracking-tight">Join {workspace.name}</h1>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                {invite.email} is invited as {ROLE_LABELS[invite.role]}. Choose a password to sign
                in with.
              </p>
            </div>
            <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
              <AcceptInviteForm token={token} />
            </div>
          </>
        ) : (
          <div className="text-center">
            <h1 className="text-2xl font-semibold tracking-tight">This link does not work</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              An invitation link works once and expires after 48 hours. Ask the workspace owner for
              a new one.
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
