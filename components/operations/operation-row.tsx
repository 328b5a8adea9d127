'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import {
  CANCELABLE_STEPS,
  describeOperationType,
  isFinalStep,
  type OperationEvent,
} from '@/lib/operations/types';
import { cancelOperationAction } from './actions';
import { operationResource } from './resource-label';
import { useResourceNames } from './resource-names-context';
import { Elapsed, Remaining } from './elapsed';
import { StepBadge } from './step-badge';

const TRACK = ['BILL', 'WAIT', 'RUN', 'DONE'] as const;

/** BILL → WAIT → RUN → DONE, the current one marked; an ERROR/CANCEL ends the track where it stopped. */
function StepTrack({ step }: { step: OperationEvent['step'] }) {
  const reached = TRACK.indexOf(step as (typeof TRACK)[number]);
  return (
    <ol className="flex items-center gap-1 font-mono text-[11px]" aria-hidden="true">
      {TRACK.map((name, index) => (
        <li key={name} className="flex items-center gap-1">
          <span
            className={cn(
              'rounded px-1.5 py-0.5',
              index < reached || (step === 'DONE' && name === 'DONE')
                ? 'bg-teal-100 text-teal-900 dark:bg-teal-900 dark:text-teal-100'
                : index === reached
                  ? 'bg-sky-100 text-sky-900 ring-1 ring-sky-500 dark:bg-sky-900 dark:text-sky-100'
                  : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
            )}
          >
            {name}
          </span>
          {index < TRACK.length - 1 ? <span className="text-zinc-400">→</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function OperationRow({ op }: { op: OperationEvent }) {
  const [pending, startTransition] = useTransition();
  const [cancelError, setCancelError] = useState<string | null>(null);
  const final = isFinalStep(op.step);
  const cancelable = CANCELABLE_STEPS.includes(op.step);
  const resource = operationResource(op, useResourceNames());
  const cancel = () =>
    startTransition(async () => {
      const result = await cancelOperationAction({ id: op.id });
      setCancelError(result.status === 'error' ? result.message : null);
    });
  return (
    <li
      className="space-y-2 py-3"
      data-operation-id={op.id}
      aria-label={`${describeOperationType(op.type)} ${op.id}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <span className="font-medium">{describeOperationType(op.type)}</span>{' '}
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            #{op.id}
            {resource ? (
              <>
                {' · '}
                {resource.href ? (
                  <Link href={resource.href} className="underline underline-offset-2">
                    {resource.label}
                  </Link>
                ) : (
                  resource.label
                )}
              </>
            ) : null}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <StepBadge step={op.step} />
          {cancelable ? (
            <Button variant="secondary" size="sm" onClick={cancel} disabled={pending}>
              {pending ? 'Cancelling…' : 'Cancel'}
            </Button>
          ) : null}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <StepTrack step={op.step} />
        <span>
          Elapsed <Elapsed from={op.dateCreated} until={final ? op.dateUpdated : null} />
        </span>
        {!final && op.eta !== null && op.eta > 0 ? (
          <Remaining key={`${op.step}:${op.eta}:${op.dateUpdated}`} seconds={op.eta} />
        ) : null}
      </div>
      {op.step === 'ERROR' ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
          <span className="font-medium">Error:</span> {op.lastError ?? 'Gandi reported no reason.'}
        </p>
      ) : null}
      {op.step === 'SUPPORT' ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          This operation is stuck: contact Gandi support.
        </p>
      ) : null}
      {cancelError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {cancelError}
        </p>
      ) : null}
    </li>
  );
}
