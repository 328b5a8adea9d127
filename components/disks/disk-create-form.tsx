'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createDiskAction } from '@/app/(panel)/disks/actions';
import { requestDiskCreateApprovalAction } from '@/app/(panel)/team/approvals/actions';
import { CostEstimate } from '@/components/cost/cost-estimate';
import { OperationProgress } from '@/components/operations/operation-progress';
import { ApprovalRequestButton, offersApproval } from '@/components/team/approval-request-button';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatMemory } from '@/components/vms/format';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { diskSizeDelta } from '@/lib/cost/deltas';
import type { DiskCreateChoices } from '@/lib/dal/disks';
import type { StartedDiskOperations } from '@/lib/dal/disk-mutations';
import {
  copySizeProblem,
  DISK_SIZE_GB,
  mbToGb,
  sizeGbProblem,
  type DiskSource,
} from '@/lib/validation/disk';
import { DiskNameField, DiskSizeField } from './disk-fields';
import { SnapshotProfileOptions, profileOptions } from './snapshot-profile-options';

const SOURCES: { value: DiskSource; label: string; hint: string }[] = [
  { value: 'empty', label: 'Empty disk', hint: 'A blank disk to format and mount in a VM.' },
  {
    value: 'disk',
    label: 'Copy of a disk',
    hint: 'The same data as one of your disks or snapshots.',
  },
  { value: 'image', label: 'From an image', hint: 'A system image, e.g. to boot another VM from.' },
];

/**
 * Creates an empty disk, a copy of a disk or a disk from an image. The datacenter filters the
 * sources (a copy is made where its source is); hints appear while typing, the server decides.
 */
export function DiskCreateForm({ choices }: { choices: DiskCreateChoices }) {
  const router = useRouter();
  const [source, setSource] = useState<DiskSource>('empty');
  // Default to where the account's disks already are, else to a fully open datacenter (a closing
  // one only takes accounts already there).
  const usedDcIds = new Set(choices.disks.map((disk) => disk.datacenterId));
  const defaultDc =
    choices.datacenters.find((dc) => dc.iaasClosedFor === 'NONE' && usedDcIds.has(dc.id)) ??
    choices.datacenters.find((dc) => dc.iaasClosedFor === 'NONE') ??
    choices.datacenters.find((dc) => dc.iaasClosedFor !== 'ALL');
  const [dcId, setDcId] = useState(String(defaultDc?.id ?? ''));
  const [name, setName] = useState('');
  const [sizeGb, setSizeGb] = useState(source === 'empty' ? '10' : '');
  const [srcDiskId, setSrcDiskId] = useState('');
  const [imageDiskId, setImageDiskId] = useState('');
  const [profileId, setProfileId] = useState('');
  const [started, setStarted] = useState<StartedDiskOperations | null>(null);
  // After a failed operation the form may be corrected and sent again; its progress stays shown.
  const [failed, setFailed] = useState(false);
  const [state, formAction] = useStartedActionState(createDiskAction, (data) => {
    setFailed(false);
    setStarted(data);
  });

  const disks = choices.disks.filter((disk) => String(disk.datacenterId) === dcId);
  const images = choices.images.filter((image) => String(image.datacenterId) === dcId);
  const sourceSizeMb =
    source === 'disk'
      ? (disks.find((disk) => String(disk.id) === srcDiskId)?.sizeMb ?? null)
      : source === 'image'
        ? (images.find((image) => String(image.diskId) === imageDiskId)?.size ?? null)
        : null;
  const sizeHint =
    sizeGb === ''
      ? source === 'empty'
        ? 'Enter the size.'
        : null
      : sourceSizeMb === null
        ? sizeGbProblem(Number(sizeGb))
        : copySizeProblem(Number(sizeGb), sourceSizeMb);
  const dc = choices.datacenters.find((candidate) => String(candidate.id) === dcId);

  return (
    <div className="space-y-4">
      <ActionForm action={formAction} state={state} className="max-w-2xl space-y-4" noValidate>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">What the disk starts with</legend>
          {SOURCES.map((option) => (
            <label key={option.value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="source"
                value={option.value}
                checked={source === option.value}
                onChange={() => {
                  setSource(option.value);
                  if (option.value !== 'empty' && sizeGb === '10') setSizeGb('');
                }}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  {option.hint}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <SelectField
          name="datacenter_id"
          label="Datacenter"
          value={dcId}
          onChange={(event) => setDcId(event.target.value)}
          options={choices.datacenters.map((candidate) => ({
            value: String(candidate.id),
            label: `${candidate.dcCode ?? candidate.name} — ${candidate.name}${candidate.iaasClosedFor === 'ALL' ? ' (closed)' : candidate.iaasClosedFor === 'NEW' ? ' (closing: only where you already have resources)' : ''}`,
            disabled: candidate.iaasClosedFor === 'ALL',
          }))}
          hint={
            source === 'empty'
              ? 'Where the disk lives: it can only be attached to VMs of this datacenter.'
              : 'A copy is made in the datacenter of its source.'
          }
          error={fieldError(state, 'datacenter_id')}
        />
        {dc?.iaasClosedFor === 'NEW' ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
            {dc.name} is closing: it accepts new disks only from accounts that already have
            resources there.
          </p>
        ) : null}
        {source === 'disk' ? (
          <SelectField
            name="src_disk_id"
            label="Disk to copy"
            value={srcDiskId}
            onChange={(event) => setSrcDiskId(event.target.value)}
            placeholder={disks.length === 0 ? 'No disk in this datacenter' : 'Choose a disk'}
            options={disks.map((disk) => ({
              value: String(disk.id),
              label: `${disk.name} (${formatMemory(disk.sizeMb)}${disk.type === 'snapshot' ? ', snapshot' : ''})`,
            }))}
            error={fieldError(state, 'src_disk_id')}
          />
        ) : null}
        {source === 'image' ? (
          <SelectField
            name="image_disk_id"
            label="Image"
            value={imageDiskId}
            onChange={(event) => setImageDiskId(event.target.value)}
            placeholder={images.length === 0 ? 'No image in this datacenter' : 'Choose an image'}
            options={images.map((image) => ({
              value: String(image.diskId),
              label: `${image.label}${image.visibility === 'deprecated' ? ' (deprecated)' : ''}`,
            }))}
            error={fieldError(state, 'image_disk_id')}
          />
        ) : null}
        <DiskNameField value={name} onChange={setName} serverError={fieldError(state, 'name')} />
        <DiskSizeField
          value={sizeGb}
          onChange={setSizeGb}
          hint={
            source === 'empty'
              ? `From ${DISK_SIZE_GB.min} to ${DISK_SIZE_GB.max} GB.`
              : `Leave empty to keep the source's size${sourceSizeMb === null ? '' : ` (${mbToGb(sourceSizeMb)} GB)`}; a copy can be larger, never smaller.`
          }
          error={fieldError(state, 'size_gb') ?? sizeHint ?? undefined}
        />
        <SelectField
          name="snapshot_profile"
          label="Automatic snapshots"
          value={profileId}
          onChange={(event) => setProfileId(event.target.value)}
          options={profileOptions(choices.profiles)}
          hint={<SnapshotProfileOptions profiles={choices.profiles} />}
          error={fieldError(state, 'snapshot_profile')}
        />
        <CostEstimate
          headingLevel={2}
          delta={
            sizeHint
              ? null
              : sizeGb !== ''
                ? diskSizeDelta(sizeGb)
                : sourceSizeMb === null
                  ? null
                  : { diskMb: sourceSizeMb }
          }
        />
        <ActionMessage state={state} includeFieldErrors />
        <SubmitButton pendingLabel="Creating…" disabled={started !== null && !failed}>
          Create disk
        </SubmitButton>
        {state.status === 'error' && offersApproval(state.message) ? (
          // Nothing reached Gandi: the same disk can go to the team's admins instead.
          <ApprovalRequestButton action={requestDiskCreateApprovalAction} />
        ) : null}
      </ActionForm>
      {started ? (
        <OperationProgress
          key={started.operations.map((op) => op.id).join(',')}
          title="Creating the disk"
          ids={started.operations.map((op) => op.id)}
          refreshOnDone={false}
          onSettled={(ops) => {
            if (ops.every((op) => op.step === 'DONE') && started.diskId !== null)
              router.push(`/disks/${started.diskId}`);
            else setFailed(true);
          }}
        />
      ) : null}
    </div>
  );
}
