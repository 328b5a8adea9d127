'use client';

import { DetachForm } from '@/components/disks/disk-attach';
import { DiskSnapshotForm } from '@/components/disks/disk-snapshot-form';
import type { OnStarted } from '@/components/disks/disk-view';
import { CapabilityNote, useCapability } from '@/components/team/member-context';
import { useVmOperations } from './vm-operations';

export interface VmDiskToolsDisk {
  id: number;
  name: string;
  type: string;
  canSnapshot: boolean;
  position: number;
  /** The member who created it through the portal (operators act only on their own). */
  ownerId: string | null;
}

/** Snapshot and detach one of the VM's disks, with the disk page's own forms. */
function DiskTools({
  disk,
  vm,
}: {
  disk: VmDiskToolsDisk;
  vm: { id: number; hostname: string; state: string };
}) {
  const { follow } = useVmOperations();
  const snapshot = useCapability('disk.snapshot', disk.ownerId);
  const detach = useCapability('disk.detach', disk.ownerId);
  const prefix = `vm-disk-${disk.id}-`;
  const noteId = `${prefix}blocked`;
  const blocked = [snapshot, detach].find((cap) => !cap.allowed);
  const onStarted: OnStarted = (title, data) => follow(title, data);
  return (
    <details className="rounded-md border border-zinc-100 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">Snapshot or detach {disk.name}</summary>
      <div className="mt-3 space-y-4">
        {blocked && !blocked.allowed ? (
          <CapabilityNote id={noteId} reason={blocked.reason} />
        ) : null}
        <DiskSnapshotForm
          disk={disk}
          onStarted={onStarted}
          idPrefix={prefix}
          disabledBy={snapshot.allowed ? undefined : noteId}
        />
        <DetachForm
          disk={{
            id: disk.id,
            name: disk.name,
            attachment: {
              vmId: vm.id,
              hostname: vm.hostname,
              position: disk.position,
              vmState: vm.state,
            },
          }}
          onStarted={onStarted}
          idPrefix={prefix}
          disabledBy={detach.allowed ? undefined : noteId}
        />
      </div>
    </details>
  );
}

/** One disclosure per attached disk (a VM rarely has more than a few). */
export function VmDiskTools({
  disks,
  vm,
}: {
  disks: VmDiskToolsDisk[];
  vm: { id: number; hostname: string; state: string };
}) {
  if (disks.length === 0) return null;
  return (
    <div className="mt-3 space-y-2">
      {disks.map((disk) => (
        <DiskTools key={`${disk.id}-${disk.position}-${vm.state}`} disk={disk} vm={vm} />
      ))}
    </div>
  );
}
