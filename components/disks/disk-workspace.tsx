'use client';

import { useOperationGroups } from '@/components/vms/use-operation-groups';
import { useCallback } from 'react';
import { DetailCard } from '@/components/vms/detail-card';
import { LiveOperations } from '@/components/vms/live-operations';
import type { SnapshotProfile } from '@/lib/gandi/types';
import { DiskAttach } from './disk-attach';
import { DiskDelete } from './disk-delete';
import { DiskKernelForm } from './disk-kernel-form';
import { DiskMigrateForm } from './disk-migrate-form';
import { DiskProfileForm } from './disk-profile-form';
import { DiskResizeForm } from './disk-resize-form';
import { DiskSnapshotForm } from './disk-snapshot-form';
import { DiskSnapshots } from './disk-snapshots';
import type { DiskView, OnStarted, SnapshotView, VmChoice } from './disk-view';

export interface DiskWorkspaceProps {
  disk: DiskView;
  snapshots: SnapshotView[];
  vms: VmChoice[];
  kernels: string[];
  profiles: SnapshotProfile[];
  /** Operations of this disk the server found not yet settled. */
  runningOperationIds: number[];
}

/** The disk page's actions and forms, and the live progress of what they start. */
export function DiskWorkspace({
  disk,
  snapshots,
  vms,
  kernels,
  profiles,
  runningOperationIds,
}: DiskWorkspaceProps) {
  const { groups, addGroup } = useOperationGroups();
  const onStarted: OnStarted = useCallback(
    (title, data) => {
      const ids = data.operations.map((op) => op.id);
      addGroup({ key: `${title}-${ids.join(',')}`, title, ids });
    },
    [addGroup],
  );
  const busy = disk.state !== 'created';

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="space-y-4">
        <LiveOperations runningIds={runningOperationIds} groups={groups} />
        {busy ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
            This disk is {disk.state.replace(/_/g, ' ')}: the API may refuse changes until it is
            ready.
          </p>
        ) : null}
        <DetailCard id="disk-card-attachment" title="Attachment">
          <DiskAttach
            key={`${disk.attachment?.vmId ?? 'none'}-${disk.attachment?.position ?? ''}-${disk.attachment?.vmState ?? ''}`}
            disk={disk}
            vms={vms}
            onStarted={onStarted}
          />
        </DetailCard>
        {disk.type !== 'snapshot' ? (
          <DetailCard id="disk-card-snapshot" title="Snapshot">
            <DiskSnapshotForm disk={disk} onStarted={onStarted} />
          </DetailCard>
        ) : null}
        <DetailCard id="disk-card-name-size" title="Name and size">
          <DiskResizeForm key={`${disk.name}-${disk.sizeMb}`} disk={disk} onStarted={onStarted} />
        </DetailCard>
      </div>
      <div className="space-y-4">
        {disk.type !== 'snapshot' ? (
          <DetailCard id="disk-card-snapshots" title="Snapshots">
            <DiskSnapshots disk={disk} snapshots={snapshots} onStarted={onStarted} />
          </DetailCard>
        ) : null}
        {disk.isDataDisk ? null : (
          <DetailCard id="disk-card-kernel" title="Kernel">
            <DiskKernelForm
              key={`${disk.kernel ?? ''}-${disk.cmdline}`}
              disk={disk}
              kernels={kernels}
              onStarted={onStarted}
            />
          </DetailCard>
        )}
        <DetailCard id="disk-card-profile" title="Automatic snapshots">
          <DiskProfileForm
            key={String(disk.snapshotProfileId)}
            disk={disk}
            profiles={profiles}
            onStarted={onStarted}
          />
        </DetailCard>
        <DetailCard id="disk-card-migrate" title="Migration">
          <DiskMigrateForm
            key={`${disk.datacenterId}-${disk.vmIds.join(',')}`}
            disk={disk}
            onStarted={onStarted}
          />
        </DetailCard>
        <DetailCard id="disk-card-delete" title="Delete">
          <DiskDelete disk={disk} onGroup={addGroup} />
        </DetailCard>
      </div>
    </div>
  );
}
