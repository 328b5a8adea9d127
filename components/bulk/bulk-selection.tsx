'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { OperationEvent } from '@/lib/operations/types';
import { bulkDiskAction, bulkIpAction, bulkJobProgressAction, bulkVmAction } from './actions';
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
  type BulkKind,
} from './bulk-model';
import {
  allFinished,
  awaitingJob,
  finishItem,
  jobOf,
  startProgress,
  withJobProgress,
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

/** How often the page reads a bulk delete job's progress again. */
const JOB_POLL_MS = 1_000;

/**
 * Wraps a list page's table: rows carry `<BulkRowCheckbox>`, the header `<BulkSelectAll>`. The
 * toolbar confirms with every selected item named, then shows one result per item — the
 * operations it started, live, or why it was refused. A bulk VM delete runs as a durable job on
 * the server (a running VM is stopped first, then deleted, also if this replica dies): the page
 * follows the job's progress and each step's operations.
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
  // A batch whose job still runs is not replaced or dismissed: its progress would be lost.
  const busy = pending || (run?.progress ? awaitingJob(run.progress) : false);
  const jobId = run?.progress ? jobOf(run.progress) : null;
  const jobRunning = run?.progress ? awaitingJob(run.progress) : false;
  const serial = run?.serial ?? 0;

  // The job's progress, read again until every item ended (any replica answers: it is stored). A
  // failed read (a replica going away) is simply tried again.
  useEffect(() => {
    if (!jobId || !jobRunning) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const answer = await bulkJobProgressAction({ jobId }).catch(() => null);
      if (stopped) return;
      if (answer?.status === 'ok') {
        setRun((prev) =>
          prev?.serial === serial && prev.progress
            ? { ...prev, progress: withJobProgress(prev.progress, answer.data) }
            : prev,
        );
      }
      timer = setTimeout(poll, JOB_POLL_MS);
    };
    timer = setTimeout(poll, JOB_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, jobRunning, serial]);

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

  /** An item's operations settled (a job's items end with the job's progress instead). */
  function onItemSettled(id: number, _ops: OperationEvent[]) {
    if (!run?.progress) return;
    const item = run.progress.items.find((candidate) => candidate.id === id);
    if (item?.ok && item.jobId) return;
    updateProgress(run.serial, (progress) => finishItem(progress, id));
  }

  return (
    <BulkContext.Provider value={state}>
      <div className="space-y-3">
        {items.length > 0 && blocked.size > 0 ? (
          <p id={BULK_BLOCKED_NOTE_ID} className="text-sm text-zinc-700 dark:text-zinc-300">
            {blocked.size === items.length
              ? `${[...blocked.values()][0]} Nothing on this page can be selected.`
              : `${[...blocked.values()][0]} Only the rows you can act on can be selected.`}
          </p>
        ) : null}
        {/* Nothing to select: no toolbar (an empty list keeps only a run's results). */}
        {items.length > 0 ? (
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
        ) : null}
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
