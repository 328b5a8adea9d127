'use client';

import { startTransition, useRef, useState } from 'react';
import { attachDiskAction, createDiskAction, freeDisksAction } from '@/app/(panel)/disks/actions';
import { CostEstimate } from '@/components/cost/cost-estimate';
import { allDone } from '@/components/operations/all-done';
import { CapabilityNote, useCapability } from '@/components/team/member-context';
import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { Button } from '@/components/ui/button';
import { DiskNameField, DiskSizeField } from '@/components/disks/disk-fields';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError } from '@/lib/action-state';
import { diskSizeDelta } from '@/lib/cost/deltas';
import type { FreeDisk } from '@/lib/dal/vm-hub';
import { DISK_SIZE_GB, sizeGbProblem } from '@/lib/validation/disk';
import { DetailCard } from './detail-card';
import { formatMemory } from './format';
import { useStartedActionState } from './use-started-operations';
import { useVmOperations } from './vm-operations';

export interface HubVm {
  id: number;
  hostname: string;
  datacenterId: number;
  datacenterName: string;
  /** The member who created it through the portal (operators act only on their own). */
  ownerId: string | null;
}

const NOTE_ID = 'vm-add-disk-blocked';

/**
 * `hosting.vm.disk_attach` of a free disk of the VM's datacenter. The free disks are looked up
 * when asked for (see `freeDisksAction`), and again after each attach.
 */
function AttachExisting({ vm }: { vm: HubVm }) {
  const [freeDisks, setFreeDisks] = useState<FreeDisk[] | null>(null);
  const [lookup, setLookup] = useState<{ pending: boolean; error: string | null }>({
    pending: false,
    error: null,
  });
  const find = () => {
    setLookup({ pending: true, error: null });
    void freeDisksAction({ datacenter_id: vm.datacenterId }).then((result) => {
      if (result.status === 'ok') setFreeDisks(result.data);
      setLookup({ pending: false, error: result.status === 'error' ? result.message : null });
    });
  };
  if (freeDisks === null) {
    return (
      <div className="space-y-2">
        <h3 className="text-sm font-semibold">Attach an existing disk</h3>
        <Button variant="secondary" onClick={find} disabled={lookup.pending}>
          {lookup.pending ? 'Looking for free disks…' : `Find free disks in ${vm.datacenterName}`}
        </Button>
        {lookup.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            The free disks could not load: {lookup.error}
          </p>
        ) : null}
      </div>
    );
  }
  return <AttachForm vm={vm} freeDisks={freeDisks} onAttached={find} />;
}

function AttachForm({
  vm,
  freeDisks,
  onAttached,
}: {
  vm: HubVm;
  freeDisks: FreeDisk[];
  onAttached: () => void;
}) {
  // Controlled: React resets a form after its action, which would drop the choice on a refusal.
  const [diskId, setDiskId] = useState('');
  const { follow } = useVmOperations();
  const allowed = useCapability('disk.attach', vm.ownerId);
  const [state, formAction] = useStartedActionState(attachDiskAction, (data) => {
    const name = freeDisks.find((disk) => String(disk.id) === diskId)?.name ?? 'disk';
    setDiskId('');
    follow(`Attach ${name} to ${vm.hostname}`, data, onAttached);
  });
  if (freeDisks.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No free disk in {vm.datacenterName} to attach (a disk attaches only to a VM of its own
        datacenter, and to one VM at a time).
      </p>
    );
  }
  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="vm_id" value={vm.id} />
      <SelectField
        name="disk_id"
        id="vm-attach-disk"
        label="Attach an existing disk"
        value={diskId}
        onChange={(event) => setDiskId(event.target.value)}
        placeholder="Choose a disk"
        options={freeDisks.map((disk) => ({
          value: String(disk.id),
          label: `${disk.name} (${formatMemory(disk.sizeMb)})`,
        }))}
        hint={`Free disks of ${vm.datacenterName}. It goes after the VM's disks.`}
        error={fieldError(state, 'disk_id')}
      />
      <SubmitButton
        variant="secondary"
        disabled={!allowed.allowed}
        aria-describedby={allowed.allowed ? undefined : NOTE_ID}
        pendingLabel="Attaching…"
      >
        Attach disk
      </SubmitButton>
      <ActionMessage state={state} />
    </ActionForm>
  );
}

/**
 * `hosting.disk.create` in the VM's datacenter, then — once that operation is DONE (the API
 * refuses to attach a disk still being created) — `hosting.vm.disk_attach`, both followed live.
 */
function CreateAndAttach({ vm }: { vm: HubVm }) {
  const { follow } = useVmOperations();
  const [attachState, attachAction] = useStartedActionState(attachDiskAction, (data) =>
    follow(`Attach the new disk to ${vm.hostname}`, data),
  );
  const [name, setName] = useState('');
  const [sizeGb, setSizeGb] = useState('10');
  const [problem, setProblem] = useState<string | null>(null);
  // The stream may report "settled" more than once (reconnects): attach each disk once.
  const attached = useRef(new Set<number>());
  const allowed = useCapability('disk.create');
  const [state, createAction] = useStartedActionState(createDiskAction, (data) => {
    const diskName = name;
    setName('');
    setProblem(null);
    follow(`Create disk ${diskName}`, data, (ops) => {
      const diskId = data.diskId;
      if (diskId === null || attached.current.has(diskId)) return;
      attached.current.add(diskId);
      if (!allDone(ops)) {
        setProblem(`The disk ${diskName} was not created; nothing was attached.`);
        return;
      }
      const formData = new FormData();
      formData.set('disk_id', String(diskId));
      formData.set('vm_id', String(vm.id));
      startTransition(() => attachAction(formData));
    });
  });
  const sizeHint = sizeGb === '' ? 'Enter the size.' : sizeGbProblem(Number(sizeGb));
  return (
    <ActionForm action={createAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="source" value="empty" />
      <input type="hidden" name="datacenter_id" value={vm.datacenterId} />
      <h3 className="text-sm font-semibold">Create and attach a new disk</h3>
      <DiskNameField
        id="vm-new-disk-name"
        value={name}
        onChange={setName}
        serverError={fieldError(state, 'name')}
      />
      <DiskSizeField
        id="vm-new-disk-size"
        value={sizeGb}
        onChange={setSizeGb}
        hint={`From ${DISK_SIZE_GB.min} to ${DISK_SIZE_GB.max} GB, in ${vm.datacenterName}.`}
        error={fieldError(state, 'size_gb') ?? sizeHint ?? undefined}
      />
      <CostEstimate delta={sizeHint ? null : diskSizeDelta(sizeGb)} />
      <SubmitButton
        disabled={!allowed.allowed}
        aria-describedby={allowed.allowed ? undefined : NOTE_ID}
        pendingLabel="Creating…"
      >
        Create and attach
      </SubmitButton>
      <ActionMessage state={state} includeFieldErrors />
      {attachState.status === 'error' ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The disk was created but could not be attached: {attachState.message}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      ) : null}
    </ActionForm>
  );
}

/** The VM page's "add a disk": one of the account's free disks, or a new one. */
export function VmAddDisk({ vm }: { vm: HubVm }) {
  const attach = useCapability('disk.attach', vm.ownerId);
  const create = useCapability('disk.create');
  const blocked = [attach, create].find((cap) => !cap.allowed);
  return (
    <DetailCard id="vm-add-disk" title="Add a disk">
      <div className="space-y-6">
        {blocked && !blocked.allowed ? (
          <CapabilityNote id={NOTE_ID} reason={blocked.reason} />
        ) : null}
        <AttachExisting vm={vm} />
        <CreateAndAttach vm={vm} />
      </div>
    </DetailCard>
  );
}
