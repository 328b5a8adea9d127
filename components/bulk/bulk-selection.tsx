'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { OperationProgress } from '@/components/operations/operation-progress';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { bulkDiskAction, bulkIpAction, bulkVmAction } from './actions';
import { BulkSelectAll } from './bulk-checkbox';
import { BulkContext, type BulkItem, type BulkSelectionState } from './bulk-context';
import {
  BULK_VERBS,
  confirmTitle,
  countNoun,
  summarize,
  VERB_LABELS,
  verbWarning,
  type BulkItemResult,
  type BulkKind,
} from './bulk-model';

const ACTIONS = { vm: bulkVmAction, disk: bulkDiskAction, ip: bulkIpAction } as const;

interface Run {
  verb: string;
  /** Names as they were when the batch ran (a deleted item leaves the list afterwards). */
  names: Map<number, string>;
  items: BulkItemResult[] | null;
  error: string | null;
}

/**
 * Wraps a list page's table: rows carry `<BulkRowCheckbox>`, the header `<BulkSelectAll>`. The
 * toolbar confirms with every selected item named, then shows one result per item — the
 * operations it started, live, or why it was refused.
 */
export function BulkSelection({
  kind,
  items,
  children,
}: {
  kind: BulkKind;
  items: BulkItem[];
  children: ReactNode;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [run, setRun] = useState<Run | null>(null);
  const [pending, startTransition] = useTransition();
  const settled = useRef(new Set<number>());

  // Only rows on this page count (after a refresh or a page change, others drop out).
  const selected = useMemo(
    () => new Set(items.filter((item) => chosen.has(item.id)).map((item) => item.id)),
    [items, chosen],
  );
  const state: BulkSelectionState = {
    items,
    selected,
    toggle: (id, on) =>
      setChosen((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setChosen(on ? new Set(items.map((item) => item.id)) : new Set()),
  };
  const selectedItems = items.filter((item) => selected.has(item.id));

  function execute(verb: string) {
    const batch = selectedItems;
    const names = new Map(batch.map((item) => [item.id, item.name]));
    settled.current = new Set();
    setRun({ verb, names, items: null, error: null });
    startTransition(async () => {
      const result = await ACTIONS[kind]({ verb, ids: batch.map((item) => item.id) });
      if (result.status === 'ok') {
        setRun({ verb, names, items: result.data.items, error: null });
        setChosen(new Set());
      } else {
        setRun({
          verb,
          names,
          items: null,
          error: result.status === 'error' ? result.message : '',
        });
      }
    });
  }

  function onItemSettled(id: number) {
    if (!run?.items) return;
    settled.current.add(id);
    const waiting = run.items.filter((item) => item.ok && !settled.current.has(item.id));
    if (waiting.length === 0) router.refresh();
  }

  return (
    <BulkContext.Provider value={state}>
      <div className="space-y-3">
        <div
          role="toolbar"
          aria-label="Bulk actions"
          className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <label className="flex items-center text-sm">
            <BulkSelectAll />
            <span aria-hidden="true">All</span>
          </label>
          <span className="mr-2 text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
            {selected.size === 0 ? 'None selected' : `${countNoun(kind, selected.size)} selected`}
          </span>
          {BULK_VERBS[kind].map((verb) => {
            const label = VERB_LABELS[verb] ?? verb;
            const warning = verbWarning(kind, verb);
            // Dialogs exist only while something is selected (their fields stay out of the page).
            if (selected.size === 0) {
              return (
                <Button key={verb} variant="secondary" disabled>
                  {label} selected
                </Button>
              );
            }
            return (
              <ConfirmDialog
                key={verb}
                triggerLabel={`${label} selected`}
                triggerDisabled={selected.size === 0 || pending}
                title={confirmTitle(kind, verb, selected.size)}
                description={
                  <div className="space-y-2">
                    {warning ? <p>{warning}</p> : null}
                    <ul
                      aria-label="Selected items"
                      className="max-h-48 list-disc overflow-y-auto pl-5"
                    >
                      {selectedItems.map((item) => (
                        <li key={item.id} className="break-all">
                          {item.name}
                        </li>
                      ))}
                    </ul>
                  </div>
                }
                confirmLabel={`${label} ${countNoun(kind, selected.size)}`}
                tone={verb === 'delete' || verb === 'stop' ? 'danger' : 'primary'}
                {...(verb === 'delete' ? { confirmPhrase: 'delete' } : {})}
                onConfirm={() => execute(verb)}
              />
            );
          })}
        </div>
        {run ? (
          <BulkResults
            run={run}
            pending={pending}
            onItemSettled={onItemSettled}
            onDismiss={() => setRun(null)}
          />
        ) : null}
        {children}
      </div>
    </BulkContext.Provider>
  );
}

function BulkResults({
  run,
  pending,
  onItemSettled,
  onDismiss,
}: {
  run: Run;
  pending: boolean;
  onItemSettled: (id: number) => void;
  onDismiss: () => void;
}) {
  const label = VERB_LABELS[run.verb] ?? run.verb;
  return (
    <section
      aria-label="Bulk action results"
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold" aria-live="polite">
          {run.items
            ? `${label}: ${summarize(run.items)}`
            : run.error
              ? `${label} failed`
              : `${label}: sending…`}
        </h2>
        {!pending ? (
          <button
            type="button"
            onClick={onDismiss}
            className="text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
          >
            Dismiss
          </button>
        ) : null}
      </div>
      {run.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {run.error}
        </p>
      ) : null}
      {run.items ? (
        <ul className="space-y-2">
          {run.items.map((item) => {
            const name = run.names.get(item.id) ?? `#${item.id}`;
            return (
              <li key={item.id} aria-label={name} className="text-sm">
                {item.ok ? (
                  <OperationProgress
                    title={`${name}: started`}
                    ids={item.operationIds}
                    refreshOnDone={false}
                    onSettled={() => onItemSettled(item.id)}
                  />
                ) : (
                  <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
                    <strong className="font-semibold">{name}: refused.</strong> {item.message}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
