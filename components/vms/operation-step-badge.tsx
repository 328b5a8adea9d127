import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { OperationStep } from '@/lib/gandi/types';

const TONE: Record<OperationStep, BadgeTone> = {
  BILL: 'info',
  WAIT: 'info',
  RUN: 'info',
  DONE: 'success',
  ERROR: 'danger',
  CANCEL: 'neutral',
  SUPPORT: 'warning',
};

export function OperationStepBadge({ step }: { step: OperationStep }) {
  return <Badge tone={TONE[step]}>{step}</Badge>;
}
