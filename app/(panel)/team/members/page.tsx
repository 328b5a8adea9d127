import { formatUtcDate, formatUtcDateTime } from '@/lib/format-date';
import type { Metadata } from 'next';
import { InviteForm } from '@/components/team/invite-form';
import { MemberActions } from '@/components/team/member-actions';
import { RevokeInviteButton } from '@/components/team/revoke-invite-button';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { ListTable } from '@/components/ui/table';
import { requireTeamPermission } from '@/lib/team/page-access';
import { decide, ROLE_LABELS } from '@/lib/team/roles';
import { getTeamStore } from '@/lib/team/runtime';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage() {
  const { principal } = await requireTeamPermission('members.read');
  const store = await getTeamStore();
  const members = await store.listMembers(principal.workspaceId);
  const canManage = decide(principal.role, 'members.remove') === 'allow';
  const canInvite = decide(principal.role, 'members.invite') === 'allow';
  const invites = canInvite ? await store.listOpenInvites(principal.workspaceId) : [];
  return (
    <>
      <PageHeader title="Members" description={`Who can act in ${principal.workspaceName}.`} />
      {canInvite ? (
        <section aria-labelledby="invite-heading" className="mb-8">
          <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
            Invite a member
          </h2>
          <InviteForm />
        </section>
      ) : null}
      <ListTable
        caption="Members of the workspace"
        columns={[
          { label: 'Email' },
          { label: 'Role' },
          { label: 'Since' },
          ...(canManage ? [{ label: 'Actions', hidden: true }] : []),
        ]}
      >
        {members.map((member) => (
          <tr key={member.id}>
            <td className="px-4 py-3">{member.email}</td>
            <td className="px-4 py-3">
              <Badge tone={member.role === 'owner' ? 'info' : 'neutral'}>
                {ROLE_LABELS[member.role]}
              </Badge>
            </td>
            <td className="px-4 py-3">
              <time dateTime={member.created_at}>{formatUtcDate(member.created_at)}</time>
            </td>
            {canManage ? (
              <td className="px-4 py-3">
                {member.role !== 'owner' ? (
                  <MemberActions memberId={member.id} email={member.email} role={member.role} />
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </ListTable>
      {invites.length > 0 ? (
        <section aria-labelledby="invites-heading" className="mt-8">
          <h2 id="invites-heading" className="mb-3 text-lg font-semibold">
            Pending invitations
          </h2>
          <ul className="space-y-2 text-sm">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center gap-3">
                <span>{invite.email}</span>
                <Badge>{ROLE_LABELS[invite.role]}</Badge>
                <span className="text-zinc-600 dark:text-zinc-400">
                  expires{' '}
                  <time dateTime={invite.expires_at}>{formatUtcDateTime(invite.expires_at)}</time>
                </span>
                <RevokeInviteButton inviteId={invite.id} email={invite.email} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
