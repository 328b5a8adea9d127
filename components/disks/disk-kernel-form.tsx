'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useState } from 'react';
import { setKernelAction } from '@/app/(panel)/disks/actions';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { CMDLINE_MAX_LENGTH, parseCmdline } from '@/lib/validation/disk';
import { ActionMessage } from '@/components/ui/action-message';
import type { DiskView, OnStarted } from './disk-view';

/** Kernel (from `diskListKernels` of the disk's datacenter) and its command line. */
export function DiskKernelForm({
  disk,
  kernels,
  onStarted,
}: {
  disk: DiskView;
  kernels: string[];
  onStarted: OnStarted;
}) {
  const [cmdline, setCmdline] = useState(disk.cmdline);
  const [kernel, setKernel] = useState(
    disk.kernel !== null && kernels.includes(disk.kernel) ? disk.kernel : '',
  );
  const [state, formAction] = useStartedActionState(setKernelAction, (data) =>
    onStarted(`Kernel of ${disk.name}`, data),
  );
  const parsed = parseCmdline(cmdline);
  // A disk may carry a kernel no longer offered (an image's): show it, but it cannot be chosen again.
  const options = kernels.map((kernel) => ({ value: kernel, label: kernel }));
  const currentOffered = disk.kernel !== null && kernels.includes(disk.kernel);
  if (disk.type === 'snapshot') {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A snapshot keeps the kernel of its disk; set the kernel on a disk made from it.
      </p>
    );
  }
  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="disk_id" value={disk.id} />
      <SelectField
        name="kernel"
        id="disk-kernel"
        label="Kernel"
        value={kernel}
        onChange={(event) => setKernel(event.target.value)}
        placeholder={
          disk.kernel && !currentOffered
            ? `${disk.kernel} (current, not offered any more)`
            : 'Choose a kernel'
        }
        options={options}
        hint={`Kernels offered in ${disk.datacenterName}.`}
        error={fieldError(state, 'kernel')}
      />
      <TextField
        name="cmdline"
        id="disk-cmdline"
        label="Kernel command line"
        value={cmdline}
        onChange={(event) => setCmdline(event.target.value)}
        maxLength={CMDLINE_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        hint="Options separated by spaces: name or name=value, e.g. root=/dev/sda ro console=ttyS0."
        error={fieldError(state, 'cmdline') ?? (parsed.ok ? undefined : parsed.problem)}
      />
      {disk.attachment ? (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          {disk.attachment.hostname} uses this disk: the change applies when it next boots, and the
          API may restart it.
        </p>
      ) : null}
      <SubmitButton variant="secondary" disabled={!parsed.ok} pendingLabel="Saving…">
        Save kernel
      </SubmitButton>
      <ActionMessage state={state} />
    </ActionForm>
  );
}
