'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useState } from 'react';
import { migrateDiskAction } from '@/app/(panel)/disks/actions';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { ActionMessage } from '@/components/ui/action-message';
import type { DiskView, OnStarted } from './disk-view';

/** `hosting.disk.migrate` to a datacenter of `can_migrate_to`; the disk must be detached. */
export function DiskMigrateForm({ disk, onStarted }: { disk: DiskView; onStarted: OnStarted }) {
  const [target, setTarget] = useState(String(disk.migrationTargets[0]?.id ?? ''));
  const [state, formAction] = useStartedActionState(migrateDiskAction, (data) =>
    onStarted(`Migrate ${disk.name}`, data),
  );
  if (disk.isMigrating) {
    return <p className="text-sm">This disk is being migrated.</p>;
  }
  if (disk.migrationTargets.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {disk.datacenterName} offers no migration to another datacenter.
      </p>
    );
  }
  const blocked = disk.attachment ? 'Detach the disk before migrating it.' : null;
  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="disk_id" value={disk.id} />
      <SelectField
        name="datacenter_id"
        id="migrate-dc"
        label="Move to datacenter"
        value={target}
        onChange={(event) => setTarget(event.target.value)}
        options={disk.migrationTargets.map((dc) => ({ value: String(dc.id), label: dc.label }))}
        hint={blocked ?? 'The disk stays usable once the migration is done, in its new datacenter.'}
        error={fieldError(state, 'datacenter_id')}
        disabled={blocked !== null}
      />
      <SubmitButton variant="secondary" disabled={blocked !== null} pendingLabel="Starting…">
        Migrate
      </SubmitButton>
      <ActionMessage state={state} />
    </ActionForm>
  );
}
