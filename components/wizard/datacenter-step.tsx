import { Badge } from '@/components/ui/badge';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { ChoiceCard, StepFieldset } from './choice-card';
import { datacenterStatus, type WizardDatacenter } from './wizard-model';

const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function DatacenterStep({
  datacenters,
  value,
  error,
  onChoose,
}: {
  datacenters: WizardDatacenter[];
  value: number | null;
  error?: string | undefined;
  onChoose: (id: number) => void;
}) {
  const errorId = fieldErrorId('datacenter_id');
  return (
    <StepFieldset
      legend="Where should the VM run?"
      description="Closed datacenters take no new servers; closing ones still do, until their date."
      errorId={errorId}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        {datacenters.map((dc) => {
          const status = datacenterStatus(dc);
          return (
            <ChoiceCard
              key={dc.id}
              name="wizard-datacenter"
              value={String(dc.id)}
              checked={value === dc.id}
              disabled={status.kind === 'closed'}
              onChange={() => onChoose(dc.id)}
              title={
                <span className="flex flex-wrap items-center gap-2">
                  {dc.name}
                  {status.kind === 'closed' ? <Badge tone="danger">Closed</Badge> : null}
                  {status.kind === 'closing' ? <Badge tone="warning">Closing</Badge> : null}
                </span>
              }
              details={`${dc.dcCode ?? ''} · ${dc.country}`}
              note={
                status.kind === 'closing' ? (
                  <span className="text-amber-800 dark:text-amber-300">
                    {status.on ? `Closing date: ${DAY.format(new Date(status.on))}. ` : 'Closing. '}
                    {dc.iaasClosedFor === 'NEW'
                      ? 'Only accounts that already have servers there can create new ones.'
                      : 'Plan to move the VM before then.'}
                  </span>
                ) : undefined
              }
            />
          );
        })}
      </div>
      <FieldError id={errorId} message={error} />
    </StepFieldset>
  );
}
