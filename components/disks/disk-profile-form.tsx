'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useState } from 'react';
import { setSnapshotProfileAction } from '@/app/(panel)/disks/actions';
import { CostEstimate } from '@/components/cost/cost-estimate';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { snapshotProfileDelta } from '@/lib/cost/deltas';
import type { SnapshotProfile } from '@/lib/gandi/types';
import { ActionMessage } from '@/components/ui/action-message';
import type { DiskView, OnStarted } from './disk-view';
import { profileOptions, SnapshotProfileOptions } from './snapshot-profile-options';

/** Sets the automatic snapshot profile, or removes it ("None"). */
export function DiskProfileForm({
  disk,
  profiles,
  onStarted,
}: {
  disk: DiskView;
  profiles: SnapshotProfile[];
  onStarted: OnStarted;
}) {
  const [profile, setProfile] = useState(
    disk.snapshotProfileId === null ? '' : String(disk.snapshotProfileId),
  );
  const [state, formAction] = useStartedActionState(setSnapshotProfileAction, (data) =>
    onStarted(`Snapshot profile of ${disk.name}`, data),
  );
  if (disk.type === 'snapshot') {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Automatic snapshots are set on the original disk, not on a snapshot.
      </p>
    );
  }
  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="disk_id" value={disk.id} />
      <SelectField
        name="snapshot_profile"
        id="disk-profile"
        label="Automatic snapshots"
        value={profile}
        onChange={(event) => setProfile(event.target.value)}
        options={profileOptions(profiles)}
        hint={<SnapshotProfileOptions profiles={profiles} />}
        error={fieldError(state, 'snapshot_profile')}
      />
      <CostEstimate
        title="Snapshot space"
        delta={snapshotProfileDelta(
          disk.sizeMb,
          factorOf(profiles, disk.snapshotProfileId),
          factorOf(profiles, profile === '' ? null : Number(profile)),
        )}
        note="Inferred: a profile reserves its quota factor times the disk for snapshots."
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save profile
      </SubmitButton>
      <ActionMessage state={state} />
    </ActionForm>
  );
}

function factorOf(profiles: SnapshotProfile[], id: number | null): number | null {
  return id === null ? null : (profiles.find((p) => p.id === id)?.quotaFactor ?? null);
}
