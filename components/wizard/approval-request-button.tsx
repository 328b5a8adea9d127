'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { requestVmCreateApprovalAction } from '@/app/(panel)/team/approvals/actions';
import { Button } from '@/components/ui/button';
import { idleState } from '@/lib/action-state';

/** Whether a refusal of the create may be sent to the team's admins instead. */
export function offersApproval(message: string | undefined): boolean {
  return (
    message?.startsWith('Over quota') === true || message?.startsWith('Needs approval') === true
  );
}

/**
 * Inside the review form: sends the same validated fields to the approvals queue instead of
 * creating (a team member over quota or held by the policy).
 */
export function ApprovalRequestButton() {
  const [state, formAction, pending] = useActionState(requestVmCreateApprovalAction, idleState);
  if (state.status === 'ok') {
    return (
      <p role="status" className="text-sm">
        Sent for approval.{' '}
        <Link href="/team/approvals" className="text-teal-800 underline dark:text-teal-300">
          Follow your requests
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" formAction={formAction} disabled={pending}>
        {pending ? 'Sending…' : 'Ask for approval'}
      </Button>
    </div>
  );
}
