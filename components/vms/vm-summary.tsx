import { Badge } from '@/components/ui/badge';
import type { Datacenter, VmInfo } from '@/lib/gandi/types';
import { DefinitionList, DetailCard } from './detail-card';
import { formatDateTime, formatMemory } from './format';
import { VmStateBadge } from './vm-state-badge';

export function VmSummary({ vm, datacenter }: { vm: VmInfo; datacenter: Datacenter | null }) {
  return (
    <DetailCard id="vm-summary" title="Summary">
      <DefinitionList
        items={[
          ['State', <VmStateBadge key="state" state={vm.state} />],
          [
            'Datacenter',
            datacenter
              ? `${datacenter.dcCode ?? ''} ${datacenter.name}`.trim()
              : `#${vm.datacenterId}`,
          ],
          ['Cores', String(vm.cores)],
          ['Memory', formatMemory(vm.memory)],
          ['Live memory maximum', formatMemory(vm.vmMaxMemory)],
          [
            'Emergency console',
            vm.console ? (
              <span key="console" className="flex flex-wrap items-center gap-2">
                <Badge tone="info">Enabled</Badge>
                {vm.consoleUrl ? (
                  <span className="font-mono text-xs break-all">{vm.consoleUrl}</span>
                ) : null}
              </span>
            ) : (
              <Badge key="console">Disabled</Badge>
            ),
          ],
          ['Created', formatDateTime(vm.dateCreated)],
          ['ID', String(vm.id)],
        ]}
      />
    </DetailCard>
  );
}
