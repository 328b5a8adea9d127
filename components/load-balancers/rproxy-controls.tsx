'use client';

import { LiveOperations } from '@/components/vms/live-operations';
import { useOperationGroups } from '@/components/vms/use-operation-groups';
import { BackendsCard } from './backends-card';
import { ProbeCard } from './probe-card';
import { SettingsCard } from './settings-card';
import type { RproxyView } from './types';
import { VhostsCard } from './vhosts-card';

/** Everything that changes a load balancer; what it starts is followed live at the top. */
export function RproxyControls({
  rproxy,
  choices,
}: {
  rproxy: RproxyView;
  choices: { value: string; label: string }[];
}) {
  const { groups, follow } = useOperationGroups();
  return (
    <div className="space-y-4">
      <LiveOperations runningIds={[]} groups={groups} />
      {rproxy.state !== 'running' ? (
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          This load balancer is {rproxy.state.replace(/_/g, ' ')}: changes wait until it is running.
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <BackendsCard rproxy={rproxy} choices={choices} follow={follow} />
        <VhostsCard rproxy={rproxy} follow={follow} />
        <ProbeCard rproxy={rproxy} follow={follow} />
        <SettingsCard rproxy={rproxy} follow={follow} />
      </div>
    </div>
  );
}
