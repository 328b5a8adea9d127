'use client';

import { useState } from 'react';
import { renameVmAction } from '@/app/(panel)/vms/actions';
import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError } from '@/lib/action-state';
import type { StartedOperations } from '@/lib/dal/vm-mutations';
import { hostnameProblem } from '@/lib/validation/vm';
import { DetailCard } from './detail-card';
import { useStartedActionState } from './use-started-operations';

/** `hosting.vm.update {hostname}`: the API renames a VM in place, whatever its state. */
export function VmRenameForm({
  vmId,
  hostname,
  disabledBy,
  onStarted,
}: {
  vmId: number;
  hostname: string;
  /** Id of the note saying why the member may not change this VM. */
  disabledBy?: string | undefined;
  onStarted: (data: StartedOperations) => void;
}) {
  // Controlled: a refused hostname stays in the field (React resets forms after an action).
  const [value, setValue] = useState(hostname);
  const [state, formAction] = useStartedActionState(renameVmAction, onStarted);
  const typed = value.trim();
  const hint = typed === '' || typed === hostname ? null : hostnameProblem(typed);
  return (
    <DetailCard id="vm-rename" title="Rename">
      <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
        <input type="hidden" name="vm_id" value={vmId} />
        <TextField
          name="hostname"
          id="vm-hostname"
          label="Hostname"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          disabled={disabledBy !== undefined}
          hint="Letters, digits and hyphens; unique among your VMs. The VM keeps running."
          error={fieldError(state, 'hostname') ?? hint ?? undefined}
        />
        <SubmitButton
          variant="secondary"
          disabled={disabledBy !== undefined || typed === hostname}
          aria-describedby={disabledBy}
          pendingLabel="Renaming…"
        >
          Rename
        </SubmitButton>
        <ActionMessage state={state} />
      </ActionForm>
    </DetailCard>
  );
}
