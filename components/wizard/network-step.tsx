import { formatBandwidth } from '@/components/vms/format';
import { BANDWIDTH_CHOICES_KBPS, type IpMode } from '@/lib/validation/vm';
import { ChoiceCard, StepFieldset } from './choice-card';

export function NetworkStep({
  ipMode,
  bandwidth,
  onChange,
}: {
  ipMode: IpMode;
  bandwidth: number;
  onChange: (patch: { ipMode?: IpMode; bandwidth?: number }) => void;
}) {
  return (
    <div className="space-y-6">
      <StepFieldset legend="Public addresses">
        <div className="grid gap-2 sm:grid-cols-2">
          <ChoiceCard
            name="wizard-ip"
            value="dual"
            checked={ipMode === 'dual'}
            onChange={() => onChange({ ipMode: 'dual' })}
            title="IPv4 + IPv6"
            details="Reachable from everywhere."
          />
          <ChoiceCard
            name="wizard-ip"
            value="ipv6"
            checked={ipMode === 'ipv6'}
            onChange={() => onChange({ ipMode: 'ipv6' })}
            title="IPv6 only"
            details="Cheaper; clients without IPv6 cannot reach it."
          />
        </div>
      </StepFieldset>
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
