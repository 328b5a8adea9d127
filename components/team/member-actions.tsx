'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { idleState } from '@/lib/action-state';
import { changeRoleAction, removeMemberAction } from '@/lib/team/actions/members';
import { INVITABLE_ROLES, ROLE_LABELS, type Role } from '@/lib/team/roles';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormMessage } from './form-message';

/** Role change and removal for one member row (owner only; the server checks again). */
export function MemberActions({
  memberId,
  email,
  role,
}: {
  memberId: string;
  email: string;
  role: Role;
}) {
  const [roleState, roleAction] = useActionState(changeRoleAction, idleState);
  const [removeState, removeAction] = useActionState(removeMemberAction, idleState);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ActionForm action={roleAction} state={roleState} className="flex items-center gap-2">
        <input type="hidden" name="member_id" value={memberId} />
        <Select
          name="role"
          aria-label={`Role of ${email}`}
          defaultValue={role}
          className="w-32 py-1"
          options={INVITABLE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        />
        <SubmitButton size="sm" variant="secondary">
          Change role
        </SubmitButton>
      </ActionForm>
      <ActionForm
        action={removeAction}
        state={removeState}
        onSubmit={(event) => {
          if (!window.confirm(`Remove ${email}? Their open sessions end at once.`)) {
            event.preventDefault();
          }
        }}
      >
        <input type="hidden" name="member_id" value={memberId} />
        <SubmitButton size="sm" variant="danger" aria-label={`Remove ${email}`}>
          Remove
        </SubmitButton>
      </ActionForm>
      <FormMessage state={roleState} />
      <FormMessage state={removeState} />
    </div>
  );
}
