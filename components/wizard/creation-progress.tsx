'use client';

import Link from 'next/link';
import { useState } from 'react';
import { OperationProgress } from '@/components/operations/operation-progress';
import { buttonClasses } from '@/components/ui/button';
import type { CreatedVm } from '@/lib/dal/vm-mutations';
import type { OperationEvent } from '@/lib/operations/types';

/** The three operations of `create_from` (disk, interface, VM) live, then the way to the VM. */
export function CreationProgress({ created }: { created: CreatedVm }) {
  const [settled, setSettled] = useState<OperationEvent[] | null>(null);
  const ids = created.operations.map((op) => op.id);
  const vmId = created.vmId ?? settled?.find((op) => op.vmId !== null)?.vmId ?? null;
  const failed = settled?.filter((op) => op.step !== 'DONE') ?? [];
  return (
    <section aria-labelledby="creation-heading" className="space-y-4">
      <h2 id="creation-heading" className="text-lg font-semibold">
        Creating {created.hostname}
      </h2>
      <OperationProgress
        ids={ids}
        onSettled={setSettled}
        refreshOnDone={false}
        title="Creation operations"
      />
      {settled && failed.length === 0 ? (
        <div role="status" className="space-y-3">
          <p>{created.hostname} is ready.</p>
          {vmId !== null ? (
            <Link href={`/vms/${vmId}`} className={buttonClasses('primary')}>
              Open {created.hostname}
            </Link>
          ) : null}
        </div>
      ) : null}
      {failed.length > 0 ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
        >
          <p className="font-medium">The creation of {created.hostname} failed.</p>
          <ul className="list-disc pl-5">
            {failed.map((op) => (
              <li key={op.id}>
                {op.type} ended in {op.step}
                {op.lastError ? `: ${op.lastError}` : ''}
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2 pt-1">
            {vmId !== null ? (
              <Link href={`/vms/${vmId}`} className={buttonClasses('secondary', 'sm')}>
                Open what was created
              </Link>
            ) : null}
            <Link href="/vms/new" className={buttonClasses('secondary', 'sm')}>
              Start a new VM
            </Link>
          </div>
        </div>
      ) : null}
    </section>
  );
}
