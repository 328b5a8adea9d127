import type { MigrationPhase } from '@/lib/validation/migration';

const STEPS: { phase: MigrationPhase; label: string; detail: string }[] = [
  {
    phase: 'copying',
    label: 'Copying the disks',
    detail: 'The VM keeps running while its disks are copied to the new datacenter.',
  },
  {
    phase: 'ready-to-finalize',
    label: 'Waiting for you to finalize',
    detail: 'The copy is done. Finalize when a short interruption suits you.',
  },
  {
    phase: 'finalizing',
    label: 'Switching over',
    detail: 'The VM moves to the new datacenter with its last changes.',
  },
  { phase: 'done', label: 'Migrated', detail: 'The VM now runs in the new datacenter.' },
];

/** The migration's steps, the current one marked (aria-current) and said in words. */
export function MigrationSteps({ phase }: { phase: MigrationPhase }) {
  const current = STEPS.findIndex((step) => step.phase === phase);
  return (
    <ol className="space-y-2" aria-label="Migration steps">
      {STEPS.map((step, index) => {
        const state =
          current < 0 ? 'todo' : index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={step.phase}
            aria-current={state === 'current' ? 'step' : undefined}
            className={
              state === 'current'
                ? 'rounded-md border border-teal-600 bg-teal-50 p-2 text-sm dark:border-teal-500 dark:bg-teal-950/40'
                : 'rounded-md border border-transparent p-2 text-sm'
            }
          >
            <p className="font-medium">
              {index + 1}. {step.label}{' '}
              <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
                {state === 'done' ? '(done)' : state === 'current' ? '(now)' : ''}
              </span>
            </p>
            {state === 'current' ? (
              <p className="mt-1 text-zinc-700 dark:text-zinc-300">{step.detail}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
