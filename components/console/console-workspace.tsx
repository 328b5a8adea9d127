'use client';

import { useOperationGroups } from '@/components/vms/use-operation-groups';
import { useCallback, useState, type ReactNode } from 'react';
import { DetailCard } from '@/components/vms/detail-card';
import { LiveOperations, type OperationGroup } from '@/components/vms/live-operations';
import { Badge } from '@/components/ui/badge';
import { ConsoleToggle } from './console-toggle';
import { RootPasswordForm } from './root-password-form';

export interface ConsoleWorkspaceProps {
  vm: { id: number; console: boolean; isMigrating: boolean };
  canEnable: boolean;
  /** `vm_update` operations the server found running (started elsewhere or before a reload). */
  pendingUpdateIds: number[];
  /** Server-rendered: how to connect, or why not. */
  access: ReactNode;
  /** Server-rendered: the prerequisites list. */
  prerequisites: ReactNode;
}

/**
 * The console page's two forms and one progress list: what this page starts is shown under its
 * own title, and an update the server also reports as running is not shown twice.
 */
export function ConsoleWorkspace({
  vm,
  canEnable,
  pendingUpdateIds,
  access,
  prerequisites,
}: ConsoleWorkspaceProps) {
  const { groups, addGroup: addFollowed } = useOperationGroups();
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const addGroup = useCallback(
    (group: OperationGroup) =>
      addFollowed({
        ...group,
        onSettled: () => setSettled((keys) => new Set(keys).add(group.key)),
      }),
    [addFollowed],
  );
  // One update at a time: a second toggle before the first lands would only repeat it.
  const busy = pendingUpdateIds.length > 0 || groups.some((group) => !settled.has(group.key));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="space-y-4">
        <DetailCard
          id="console-state"
          title="Console access"
          actions={
            <Badge tone={vm.console ? 'success' : 'neutral'}>
              {vm.console ? 'Enabled' : 'Disabled'}
            </Badge>
          }
        >
          <div className="space-y-4">
            {access}
            {vm.isMigrating ? (
              <p className="text-sm text-amber-800 dark:text-amber-300">
                This VM is being migrated: the console can be changed once the migration ends.
              </p>
            ) : (
              <ConsoleToggle
                vmId={vm.id}
                enabled={vm.console}
                canEnable={canEnable}
                busy={busy}
                onStarted={addGroup}
              />
            )}
          </div>
        </DetailCard>
        <LiveOperations runningIds={pendingUpdateIds} groups={groups} />
      </div>
      <div className="space-y-4">
        <DetailCard id="console-prerequisites" title="Before you connect">
          {prerequisites}
        </DetailCard>
        <DetailCard id="console-password" title="Root password">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            Set or replace the root password here if the VM was created with SSH keys only.
          </p>
          <RootPasswordForm vmId={vm.id} onStarted={addGroup} />
        </DetailCard>
      </div>
    </div>
  );
}
