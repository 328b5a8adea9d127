'use client';

import { CapabilityNote, useCapability } from '@/components/team/member-context';
import { useOperationGroups } from '@/components/vms/use-operation-groups';
import { useCallback, useState } from 'react';
import type { StartedOperations } from '@/lib/dal/vm-mutations';
import type { ResizableVm } from '@/lib/validation/vm-resize';
import { DetailCard } from './detail-card';
import { LiveOperations } from './live-operations';
import { VmDelete } from './vm-delete';
import { VmPowerActions } from './vm-power-actions';
import { VmResizeForm } from './vm-resize-form';

export interface VmControlsProps {
  vm: ResizableVm & { id: number; hostname: string };
  /** Operations of this VM the server found not yet settled. */
  runningOperationIds: number[];
  /** The member who created it through the portal (operators act only on their own). */
  ownerId?: string | null | undefined;
}

const BLOCKED_NOTE_ID = 'vm-actions-blocked';

/** The VM page's actions and the live progress of what they start. */
export function VmControls({ vm, runningOperationIds, ownerId }: VmControlsProps) {
  // The roles matrix read for this VM: what would be refused is disabled, with the reason.
  const power = useCapability(vm.state === 'halted' ? 'vm.start' : 'vm.stop', ownerId);
  const remove = useCapability('vm.delete', ownerId);
  const resize = useCapability('vm.update', ownerId);
  const blocked = [power, remove, resize].find((cap) => !cap.allowed);
  const { groups, addGroup } = useOperationGroups();
  const [leaving, setLeaving] = useState(false);
  const markLeaving = useCallback(() => setLeaving(true), []);
  const onStarted = useCallback(
    (title: string, data: StartedOperations) => {
      const ids = data.operations.map((op) => op.id);
      addGroup({ key: `${title}-${ids.join(',')}`, title: `${title} ${vm.hostname}`, ids });
    },
    [addGroup, vm.hostname],
  );

  return (
    <>
      <DetailCard id="vm-actions" title="Actions">
        {blocked && !blocked.allowed ? (
          <CapabilityNote id={BLOCKED_NOTE_ID} reason={blocked.reason} />
        ) : null}
        <div className="flex flex-wrap items-start gap-2">
          <VmPowerActions
            vmId={vm.id}
            hostname={vm.hostname}
            state={vm.state}
            onStarted={onStarted}
            disabledBy={power.allowed ? undefined : BLOCKED_NOTE_ID}
          />
          <VmDelete
            disabledBy={remove.allowed ? undefined : BLOCKED_NOTE_ID}
            vmId={vm.id}
            hostname={vm.hostname}
            state={vm.state}
            onGroup={addGroup}
            onLeaving={markLeaving}
          />
        </div>
      </DetailCard>
      <LiveOperations runningIds={runningOperationIds} groups={groups} refreshOthers={!leaving} />
      <VmResizeForm
        disabledBy={resize.allowed ? undefined : BLOCKED_NOTE_ID}
        vmId={vm.id}
        vm={vm}
        onStarted={(data) => onStarted(data.needsReboot ? 'Resize and restart' : 'Resize', data)}
      />
    </>
  );
}
