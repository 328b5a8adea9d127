import { CostEstimate } from '@/components/cost/cost-estimate';
import { formatBandwidth, formatMemory } from '@/components/vms/format';
import { vmCreationDelta } from '@/lib/cost/deltas';
import { DISK_STEP_MB } from '@/lib/validation/vm';
import type { WizardCatalog, WizardDraft } from './wizard-model';
import { selectedImage } from './wizard-model';

/** What has been chosen so far; stays in view beside the steps (sticky on wide screens). */
export function SummaryPanel({ draft, catalog }: { draft: WizardDraft; catalog: WizardCatalog }) {
  const dc = catalog.datacenters.find((candidate) => candidate.id === draft.datacenterId);
  const image = selectedImage(catalog, draft);
  const memory = Number(draft.memory);
  const disk = Number(draft.diskSizeGb);
  const keyNames = catalog.sshKeys
    .filter((key) => draft.sshKeyIds.includes(key.id))
    .map((key) => key.name);
  const rows: [string, string][] = [
    ['Datacenter', dc ? `${dc.name}${dc.dcCode ? ` (${dc.dcCode})` : ''}` : '—'],
    ['Image', image ? image.label : '—'],
    ['Cores', draft.cores || '—'],
    ['Memory', Number.isFinite(memory) && memory > 0 ? formatMemory(memory) : '—'],
    ['System disk', Number.isFinite(disk) && disk > 0 ? formatMemory(disk * DISK_STEP_MB) : '—'],
    [
      'Network',
      draft.vlanId !== null
        ? `Private VLAN ${catalog.vlans?.find((vlan) => vlan.id === draft.vlanId)?.name ?? ''} only`
        : `${draft.ipMode === 'dual' ? 'IPv4 + IPv6' : 'IPv6 only'}, ${formatBandwidth(draft.bandwidth)}`,
    ],
    ['Hostname', draft.hostname.trim() || '—'],
    [
      'Access',
      [
        draft.password ? 'root password' : null,
        keyNames.length ? `SSH: ${keyNames.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join(' + ') || '—',
    ],
  ];
  return (
    <aside
      aria-labelledby="wizard-summary"
      className="rounded-lg border border-zinc-200 bg-white p-4 lg:sticky lg:top-6 lg:self-start dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="wizard-summary" className="mb-3 text-base font-semibold">
        Summary
      </h2>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <CostEstimate
          title="Cost of this VM"
          delta={vmCreationDelta({
            cores: draft.cores,
            memoryMb: draft.memory,
            diskGb: draft.diskSizeGb,
            ipMode: draft.ipMode,
            privateOnly: draft.vlanId !== null,
          })}
        />
      </div>
    </aside>
  );
}
