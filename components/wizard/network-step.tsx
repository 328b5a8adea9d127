import { formatBandwidth } from '@/components/vms/format';
import { BANDWIDTH_CHOICES_KBPS, type IpMode } from '@/lib/validation/vm';
import { Select } from '@/components/ui/select';
import { ChoiceCard, StepFieldset } from './choice-card';
import type { WizardVlan } from './wizard-model';

export function NetworkStep({
  ipMode,
  bandwidth,
  onChange,
  vlans = [],
  vlanId = null,
}: {
  ipMode: IpMode;
  bandwidth: number;
  onChange: (patch: { ipMode?: IpMode; bandwidth?: number; vlanId?: number | null }) => void;
  /** The private VLANs of the chosen datacenter. */
  vlans?: WizardVlan[];
  vlanId?: number | null;
}) {
  const isPrivate = vlanId !== null;
  return (
    <div className="space-y-6">
      <StepFieldset legend="Public addresses">
        <div className="grid gap-2 sm:grid-cols-2">
          <ChoiceCard
            name="wizard-ip"
            value="dual"
            checked={!isPrivate && ipMode === 'dual'}
            onChange={() => onChange({ ipMode: 'dual', vlanId: null })}
            title="IPv4 + IPv6"
            details="Reachable from everywhere."
          />
          <ChoiceCard
            name="wizard-ip"
            value="ipv6"
            checked={!isPrivate && ipMode === 'ipv6'}
            onChange={() => onChange({ ipMode: 'ipv6', vlanId: null })}
            title="IPv6 only"
            details="Cheaper; clients without IPv6 cannot reach it."
          />
          <ChoiceCard
            name="wizard-ip"
            value="private"
            checked={isPrivate}
            disabled={vlans.length === 0}
            onChange={() => onChange({ vlanId: vlans[0]?.id ?? null })}
            title="Private VLAN only"
            details={
              vlans.length === 0
                ? 'No private VLAN in this datacenter (create one under Network).'
                : 'No public address: the VM is reachable only from the VLAN.'
            }
          />
        </div>
      </StepFieldset>
      {isPrivate ? (
        <div className="space-y-1">
          <label htmlFor="wizard-vlan" className="block text-sm font-medium">
            Private VLAN
          </label>
          <Select
            id="wizard-vlan"
            value={String(vlanId)}
            onChange={(event) => onChange({ vlanId: Number(event.target.value) })}
            options={vlans.map((vlan) => ({
              value: String(vlan.id),
              label: `${vlan.name}${vlan.subnet ? ` (${vlan.subnet})` : ''}`,
            }))}
          />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Its private interface is created first, with an address of the VLAN&apos;s subnet.
          </p>
        </div>
      ) : null}
      <StepFieldset legend="Bandwidth">
        <div className="grid gap-2 sm:grid-cols-3">
          {BANDWIDTH_CHOICES_KBPS.map((kbps) => (
            <ChoiceCard
              key={kbps}
              name="wizard-bandwidth"
              value={String(kbps)}
              checked={bandwidth === kbps}
              onChange={() => onChange({ bandwidth: kbps })}
              title={formatBandwidth(kbps)}
            />
          ))}
        </div>
      </StepFieldset>
    </div>
  );
}
