import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { OperationStep } from '@/lib/gandi/types';

const STEP: Record<OperationStep, { label: string; tone: BadgeTone }> = {
  BILL: { label: 'Billing', tone: 'info' },
  WAIT: { label: 'Queued', tone: 'info' },
  RUN: { label: 'Running', tone: 'info' },
  DONE: { label: 'Done', tone: 'success' },
  ERROR: { label: 'Failed', tone: 'danger' },
  CANCEL: { label: 'Cancelled', tone: 'neutral' },
  SUPPORT: { label: 'Needs Gandi support', tone: 'warning' },
};

/** The step in words ("Done"), once: the API's code (`DONE`) beside it read as "Done DONE". */
export function StepBadge({ step }: { step: OperationStep }) {
  const { label, tone } = STEP[step] ?? { label: step, tone: 'neutral' };
  return (
    <Badge tone={tone}>
      <span className="sr-only">Step: </span>
      {label}
    </Badge>
  );
}
