'use client';

import { CapabilityNote, useCapability } from '@/components/team/member-context';
import type { ResizableVm } from '@/lib/validation/vm-resize';
import { DetailCard } from './detail-card';
import { VmDelete } from './vm-delete';
import { useVmOperations } from './vm-operations';
import { VmPowerActions } from './vm-power-actions';
import { VmRenameForm } from './vm-rename-form';
import { VmResizeForm } from './vm-resize-form';

export interface VmControlsProps {
  vm: ResizableVm & { id: number; hostname: string };
  /** The member who created it through the portal (operators act only on their own). */
  ownerId?: string | null | undefined;
}

const BLOCKED_NOTE_ID = 'vm-actions-blocked';

/** The VM page's own actions; their progress shows in the page's `VmOperationsProvider`. */
export function VmControls({ vm, ownerId }: VmControlsProps) {
  // The roles matrix read for this VM: what would be refused is disabled, with the reason.
  const power = useCapability(vm.state === 'halted' ? 'vm.start' : 'vm.stop', ownerId);
  const remove = useCapability('vm.delete', ownerId);
  const update = useCapability('vm.update', ownerId);
  const blocked = [power, remove, update].find((cap) => !cap.allowed);
  const { onStarted, addGroup, markLeaving } = useVmOperations();

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
      <VmRenameForm
        key={vm.hostname}
        vmId={vm.id}
        hostname={vm.hostname}
        disabledBy={update.allowed ? undefined : BLOCKED_NOTE_ID}
        onStarted={(data) => onStarted('Rename', data)}
      />
      <VmResizeForm
        disabledBy={update.allowed ? undefined : BLOCKED_NOTE_ID}
        vmId={vm.id}
        vm={vm}
        onStarted={(data) => onStarted(data.needsReboot ? 'Resize and restart' : 'Resize', data)}
      />
    </>
  );
}
