import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateWorkspaceForm } from '@/components/team/create-workspace-form';
import { ReplaceKeyForm } from '@/components/team/replace-key-form';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/dal/auth';
import { decide, ROLE_LABELS } from '@/lib/team/roles';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const session = await requireSession();
  const principal = session.principal;
  if (principal?.kind !== 'team') {
    return (
      <>
        <PageHeader
          title="Team workspace"
          description="Share this account with a team without sharing its API key."
        />
        <div className="max-w-2xl space-y-4 text-sm text-zinc-700 dark:text-zinc-300">
          <p>
            Creating a workspace stores this session’s API key for {session.handle} (
            {session.endpoint.label}) on the server, encrypted. It is never shown again. Members
            then sign in with an email and a password and act within their role; every change is
            recorded in a tamper-evident audit log.
          </p>
          <p>You become the owner: you invite members and can replace the key later.</p>
        </div>
        <section aria-labelledby="create-heading" className="mt-6">
          <h2 id="create-heading" className="mb-3 text-lg font-semibold">
            Create a workspace
          </h2>
          <CreateWorkspaceForm />
        </section>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={principal.workspaceName}
        description={`Team workspace on ${session.handle} (${session.endpoint.label}).`}
      />
      <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-y-2 text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">You</dt>
        <dd>
          {principal.memberEmail} <Badge tone="info">{ROLE_LABELS[principal.role]}</Badge>
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Sign-in link</dt>
        <dd>
          <code className="break-all">/login?workspace={principal.workspaceId}</code>
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">API key</dt>
        <dd>Stored encrypted on the server; never shown.</dd>
      </dl>
      <ul className="mt-6 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {decide(principal.role, 'members.read') === 'allow' ? (
          <li>
            <Link className="text-teal-700 underline dark:text-teal-300" href="/team/members">
              Members
            </Link>
          </li>
        ) : null}
        {decide(principal.role, 'audit.read') === 'allow' ? (
          <li>
            <Link className="text-teal-700 underline dark:text-teal-300" href="/team/audit">
              Audit log
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="text-teal-700 underline dark:text-teal-300" href="/team/templates">
            VM templates
          </Link>
        </li>
        <li>
          <Link className="text-teal-700 underline dark:text-teal-300" href="/team/quotas">
            Quotas
          </Link>
        </li>
        <li>
          <Link className="text-teal-700 underline dark:text-teal-300" href="/team/approvals">
            Approvals
          </Link>
        </li>
        <li>
          <Link className="text-teal-700 underline dark:text-teal-300" href="/team/tokens">
            Access tokens
          </Link>
        </li>
      </ul>
      {decide(principal.role, 'workspace.key.replace') === 'allow' ? (
        <section aria-labelledby="key-heading" className="mt-8">
          <h2 id="key-heading" className="mb-3 text-lg font-semibold">
            Replace the API key
          </h2>
          <ReplaceKeyForm />
        </section>
      ) : null}
    </>
  );
}
