'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { OperationEvent } from '@/lib/operations/types';
import { bulkDiskAction, bulkIpAction, bulkVmAction } from './actions';
import { BulkSelectAll } from './bulk-checkbox';
import { useMember } from '@/components/team/member-context';
import { capability } from '@/lib/team/capabilities';
import type { TeamAction } from '@/lib/team/roles';
import {
  BULK_BLOCKED_NOTE_ID,
  BulkContext,
  type BulkItem,
  type BulkSelectionState,
} from './bulk-context';
import {
  BULK_VERBS,
  confirmTitle,
  countNoun,
  VERB_LABELS,
  verbWarning,
  type BulkItemResult,
  type BulkKind,
} from './bulk-model';
import {
  allFinished,
  awaitingSecondStep,
  beginSecondStep,
  finishItem,
  needsSecondStep,
  startProgress,
  withSecondStepResult,
  type BulkProgress,
} from './bulk-progress';
import { BulkResults, type BulkRun } from './bulk-results';

const ACTIONS = { vm: bulkVmAction, disk: bulkDiskAction, ip: bulkIpAction } as const;
/**
 * What selecting a row leads to, for the roles matrix: every bulk verb of a kind is decided alike
 * (viewers: none; operators: their own; admins and owners: all).
 */
const SELECTION_ACTION: Record<BulkKind, TeamAction> = {
  vm: 'vm.stop',
  disk: 'disk.delete',
  ip: 'ip.delete',
};

/**
 * Wraps a list page's table: rows carry `<BulkRowCheckbox>`, the header `<BulkSelectAll>`. The
 * toolbar confirms with every selected item named, then shows one result per item — the
 * operations it started, live, or why it was refused. A running VM in a bulk delete is stopped
 * first: once its stop is DONE the same action is asked again for that VM, which deletes it.
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
  const [run, setRun] = useState<BulkRun | null>(null);
  const [pending, startTransition] = useTransition();
  const lastSerial = useRef(0);
  // Items of the current batch whose second step was asked for: onSettled may fire again after
  // the stream reconnects, and the delete is asked for once.
  const resubmitted = useRef(new Set<number>());
  const refreshedFor = useRef(0);

  const member = useMember();
  const blocked = useMemo(() => {
    const reasons = new Map<number, string>();
    for (const item of items) {
      const cap = capability(member, SELECTION_ACTION[kind], item.ownerId);
      if (!cap.allowed) reasons.set(item.id, cap.reason);
    }
    return reasons;
  }, [items, member, kind]);
  // Only rows on this page count (after a refresh or a page change, others drop out), and only
  // those this member may act on.
  const selected = useMemo(
    () =>
      new Set(
        items.filter((item) => chosen.has(item.id) && !blocked.has(item.id)).map((item) => item.id),
      ),
    [items, chosen, blocked],
  );
  const state: BulkSelectionState = {
    items,
    selected,
    blocked,
    toggle: (id, on) =>
      setChosen((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) =>
      setChosen(
        on
          ? new Set(items.filter((item) => !blocked.has(item.id)).map((item) => item.id))
          : new Set(),
      ),
  };
  const selectedItems = items.filter((item) => selected.has(item.id));
  // A batch whose deletes still wait for their stops must not be replaced or dismissed: the
  // deletes would never be asked for.
  const busy = pending || (run?.progress ? awaitingSecondStep(run.progress) : false);

  // The list is re-read once, when every item (second steps included) has settled.
  useEffect(() => {
    if (!run?.progress || refreshedFor.current === run.serial || !allFinished(run.progress)) return;
    refreshedFor.current = run.serial;
    router.refresh();
  }, [run, router]);

  function execute(verb: string) {
    const batch = selectedItems;
    const names = new Map(batch.map((item) => [item.id, item.name]));
    const serial = ++lastSerial.current;
    resubmitted.current = new Set();
    setRun({ serial, verb, names, progress: null, error: null });
    startTransition(async () => {
      const result = await ACTIONS[kind]({ verb, ids: batch.map((item) => item.id) });
      if (result.status === 'ok') {
        setRun({ serial, verb, names, progress: startProgress(result.data.items), error: null });
        setChosen(new Set());
      } else {
        setRun({
          serial,
          verb,
          names,
          progress: null,
          error: result.status === 'error' ? result.message : '',
        });
      }
    });
  }

  /** Applies `update` to batch `serial` only (a later batch or a dismiss is left alone). */
  function updateProgress(serial: number, update: (progress: BulkProgress) => BulkProgress) {
    setRun((prev) =>
      prev?.serial === serial && prev.progress
        ? { ...prev, progress: update(prev.progress) }
        : prev,
    );
  }

  function onItemSettled(id: number, ops: OperationEvent[]) {
    if (!run?.progress) return;
    const { serial, verb } = run;
    const item = run.progress.items.find((candidate) => candidate.id === id);
    if (needsSecondStep(item, ops) && !resubmitted.current.has(id)) {
      resubmitted.current.add(id);
      updateProgress(serial, (progress) => beginSecondStep(progress, id));
      void askSecondStep(serial, verb, id);
      return;
    }
    updateProgress(serial, (progress) => finishItem(progress, id));
  }

  /** The same bulk action again for one item, now that its stop is DONE. */
  async function askSecondStep(serial: number, verb: string, id: number) {
    let result: BulkItemResult;
    try {
      const answer = await ACTIONS[kind]({ verb, ids: [id] });
      result =
        answer.status === 'ok'
          ? (answer.data.items[0] ?? { id, ok: false, message: 'No answer for this item.' })
          : { id, ok: false, message: answer.status === 'error' ? answer.message : 'Not run.' };
    } catch {
      result = {
        id,
        ok: false,
        message: 'It was stopped, but the delete could not be sent: reload and try again.',
      };
    }
    updateProgress(serial, (progress) => withSecondStepResult(progress, result));
  }

  return (
    <BulkContext.Provider value={state}>
      <div className="space-y-3">
        {blocked.size > 0 ? (
          <p id={BULK_BLOCKED_NOTE_ID} className="text-sm text-zinc-700 dark:text-zinc-300">
            {blocked.size === items.length
              ? `${[...blocked.values()][0]} Nothing on this page can be selected.`
              : `${[...blocked.values()][0]} Only the rows you can act on can be selected.`}
          </p>
        ) : null}
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
                triggerDisabled={selected.size === 0 || busy}
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
            canDismiss={!busy}
            onItemSettled={onItemSettled}
            onDismiss={() => setRun(null)}
          />
        ) : null}
        {children}
      </div>
    </BulkContext.Provider>
  );
}
