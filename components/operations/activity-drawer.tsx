'use client';

import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { textLinkClasses } from '@/components/ui/text-link';
import { isFinalStep } from '@/lib/operations/types';
import { OperationRow } from './operation-row';
import { ResourceNamesProvider } from './resource-names-context';
import { useOperationNames } from './use-operation-names';
import { useOperationStream } from './use-operation-stream';

/**
 * The navigation's activity indicator: how many operations run on the account right now (live,
 * whoever started them), and a drawer listing them with their progress.
 */
export function ActivityDrawer() {
  const { operations } = useOperationStream({ running: true });
  const running = [...operations.values()]
    .filter((op) => !isFinalStep(op.step))
    .sort((a, b) => b.dateCreated.localeCompare(a.dateCreated));
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const count = running.length;
  const [open, setOpen] = useState(false);
  const names = useOperationNames(running, open);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          dialogRef.current?.showModal();
          setOpen(true);
        }}
        aria-haspopup="dialog"
        className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <span
          aria-hidden="true"
          className={
            count > 0
              ? 'size-2 animate-pulse rounded-full bg-sky-600 dark:bg-sky-400'
              : 'size-2 rounded-full bg-zinc-300 dark:bg-zinc-600'
          }
        />
        <span aria-live="polite">
          {count === 0 ? 'Nothing running' : `${count} running operation${count === 1 ? '' : 's'}`}
        </span>
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-0 ml-auto h-dvh max-h-dvh w-[min(28rem,100vw)] border-l border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <div className="flex h-full flex-col gap-3 p-4">
          <div className="flex items-center justify-between gap-2">
            <h2 id={titleId} className="text-lg font-semibold">
              Running operations
            </h2>
            <Button variant="secondary" size="sm" onClick={() => dialogRef.current?.close()}>
              Close
            </Button>
          </div>
          {count === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing is running now.</p>
          ) : (
            <ResourceNamesProvider names={names}>
              <ul className="divide-y divide-zinc-200 overflow-y-auto dark:divide-zinc-800">
                {running.map((op) => (
                  <OperationRow key={op.id} op={op} />
                ))}
              </ul>
            </ResourceNamesProvider>
          )}
          <Link
            href="/operations"
            className={`text-sm ${textLinkClasses}`}
            onClick={() => dialogRef.current?.close()}
          >
            Every operation
          </Link>
        </div>
      </dialog>
    </>
  );
}
