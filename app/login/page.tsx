import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { TeamSignInForm } from '@/components/team/team-sign-in-form';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { configuredEndpoints } from '@/lib/endpoints';
import { verifySession } from '@/lib/dal/auth';
import { rememberedTeamWorkspace } from '@/lib/session';

export const metadata: Metadata = { title: 'Sign in' };

const REASONS: Record<string, string> = {
  revoked: 'Your API key was revoked or is no longer valid — sign in again.',
  ended: 'Your team session has ended — sign in again.',
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string | string[]; workspace?: string | string[] }>;
}) {
  if (await verifySession()) redirect('/');
  const { reason, workspace } = await searchParams;
  // A team's sign-in link names its workspace; else the one this browser entered last.
  const workspaceId =
    (typeof workspace === 'string' && /^[0-9a-f-]{36}$/i.test(workspace) ? workspace : null) ??
    (await rememberedTeamWorkspace());
  const notice = typeof reason === 'string' ? REASONS[reason] : undefined;
  // Only ids and labels reach the browser; URLs stay on the server.
  const endpoints = configuredEndpoints().map(({ id, label }) => ({ id, label }));
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-3xl space-y-6">
        <div className="text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Gandi Hosting</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            The key stays on the server, in an encrypted session cookie.
          </p>
        </div>
        {notice ? (
          <p
            role="status"
            className="mx-auto max-w-sm rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
          >
            {notice}
          </p>
        ) : null}
        <div className="grid gap-6 md:grid-cols-2">
          <section className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
            <h2 className="mb-4 text-base font-semibold">Personal — API key</h2>
            <SignInForm endpoints={endpoints} />
          </section>
          <section className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
            <h2 className="mb-4 text-base font-semibold">Team — email + password</h2>
            <TeamSignInForm workspaceId={workspaceId} />
          </section>
        </div>
        <div className="flex justify-center">
          <ThemeToggle />
        </div>
      </div>
    </main>
  );
}
