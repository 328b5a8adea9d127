'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useState } from 'react';
import { setReverseAction } from '@/app/(panel)/network/actions';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import type { StartedNetworkOperations } from '@/lib/dal/network';
import { reverseProblem } from '@/lib/validation/network';

/** The PTR name of one public IP, checked as typed against the API's own FQDN rule. */
export function ReverseForm({
  ipId,
  address,
  reverse,
  onStarted,
}: {
  ipId: number;
  address: string;
  reverse: string | null;
  onStarted: (data: StartedNetworkOperations) => void;
}) {
  const [value, setValue] = useState(reverse ?? '');
  const [state, formAction] = useStartedActionState(setReverseAction, onStarted);
  const changed = value.trim() !== (reverse ?? '');
  const hint = changed ? reverseProblem(value) : null;
  return (
    <ActionForm
      action={formAction}
      state={state}
      className="flex flex-wrap items-start gap-2"
      noValidate
    >
      <input type="hidden" name="ip_id" value={ipId} />
      <TextField
        name="reverse"
        id={`reverse-${ipId}`}
        label={`Reverse DNS of ${address}`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        maxLength={253}
        spellCheck={false}
        autoComplete="off"
        className="min-w-64 flex-1"
        error={fieldError(state, 'reverse') ?? hint ?? undefined}
      />
      <SubmitButton
        size="md"
        className="mt-6"
        disabled={!changed || hint !== null}
        pendingLabel="Saving…"
      >
        Save reverse
      </SubmitButton>
      {state.status === 'error' && !state.fieldErrors ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
    </ActionForm>
  );
}
