import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatState } from './format';

const TONE_BY_STATE: Record<string, BadgeTone> = {
  running: 'success',
  halted: 'neutral',
  being_created: 'info',
  being_migrated: 'info',
  paused: 'warning',
  locked: 'warning',
  legally_locked: 'danger',
  invalid: 'danger',
  deleted: 'neutral',
};

export function VmStateBadge({ state }: { state: string }) {
  return <Badge tone={TONE_BY_STATE[state] ?? 'neutral'}>{formatState(state)}</Badge>;
}
