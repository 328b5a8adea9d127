'use client';

import { useActionState } from 'react';
import { idleState } from '@/lib/action-state';
import { revokeAnyTokenAction, revokeOwnTokenAction } from '@/lib/team/tokens/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormMessage } from './form-message';

/** `scope: 'own'` for the member's own tokens, `'any'` for an admin revoking someone else's. */
export function RevokeTokenButton({
  tokenId,
  label,
  scope,
}: {
  tokenId: string;
  label: string;
  scope: 'own' | 'any';
}) {
  const [state, formAction] = useActionState(
    scope === 'own' ? revokeOwnTokenAction : revokeAnyTokenAction,
    idleState,
  );
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="token_id" value={tokenId} />
      <SubmitButton size="sm" variant="secondary" aria-label={`Revoke ${label}`}>
        Revoke
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
