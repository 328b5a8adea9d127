/**
 * What can be done to many items of a list at once, and the per-item results (shared by the
 * server actions and the browser; plain data only).
 */

export const BULK_KINDS = ['vm', 'disk', 'ip'] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

export const BULK_VERBS = {
  vm: ['start', 'stop', 'reboot', 'snapshot', 'delete'],
  disk: ['snapshot', 'delete'],
  ip: ['delete'],
} as const satisfies Record<BulkKind, readonly string[]>;

export type BulkVerb<K extends BulkKind = BulkKind> = (typeof BULK_VERBS)[K][number];

/** At most one list page (the lists page by 25; a few pages' worth is still one request). */
export const MAX_BULK_ITEMS = 100;

export const VERB_LABELS: Record<string, string> = {
  start: 'Start',
  stop: 'Stop',
  reboot: 'Reboot',
  delete: 'Delete',
  snapshot: 'Snapshot',
};

export const KIND_NOUNS: Record<BulkKind, [singular: string, plural: string]> = {
  vm: ['VM', 'VMs'],
  disk: ['disk', 'disks'],
  ip: ['IP address', 'IP addresses'],
};

export function isBulkVerb<K extends BulkKind>(kind: K, verb: string): verb is BulkVerb<K> {
  return (BULK_VERBS[kind] as readonly string[]).includes(verb);
}

/** Which step of a VM delete an item is at: a running VM is stopped first, then deleted. */
export type DeletePhase = 'stopping' | 'deleting';

/** An item whose action was sent: the operations it started, to follow live. */
export interface BulkItemStarted {
  id: number;
  ok: true;
  operationIds: number[];
  jobId?: undefined;
  held?: undefined;
}

/**
 * An item handed to a durable job (the VM delete: stop, then delete), run by whichever replica
 * holds the job; the page follows the job's progress.
 */
export interface BulkItemQueued {
  id: number;
  ok: true;
  jobId: string;
  held?: undefined;
}

/** One VM of a bulk delete job, as its checkpoint records it. */
export interface BulkJobItem {
  state: 'queued' | 'running' | 'deleted' | 'failed';
  /** The step `operationIds` belong to (null before the first). */
  phase: DeletePhase | null;
  operationIds: number[];
  /** The stop's operations when it was stopped first (the delete is then step 2 of 2). */
  stopIds: number[];
  message?: string;
}

/** A bulk job as the page sees it (never its payload). */
export interface BulkJobProgress {
  state: 'queued' | 'done' | 'failed';
  items: Record<string, BulkJobItem>;
  error: string | null;
}

/** An item that was not run, and why (refused by the guard, the API or its state). */
export interface BulkItemRefused {
  id: number;
  ok: false;
  held?: undefined;
  message: string;
}

/**
 * An item the approval policy held (an operator's delete): nothing started, a request was filed
 * for an admin instead. `ok` is false because no operation runs for it in this batch.
 */
export interface BulkItemHeld {
  id: number;
  ok: false;
  held: true;
  requestId: string;
  /** Why it waits (the policy's words). */
  message: string;
}

/**
 * One item's outcome (a union: further outcomes are added as their own variant). `ok` says
 * whether operations started for it.
 */
export type BulkItemResult = BulkItemStarted | BulkItemQueued | BulkItemRefused | BulkItemHeld;

export interface BulkResult {
  verb: string;
  items: BulkItemResult[];
}

export function countNoun(kind: BulkKind, count: number): string {
  const [one, many] = KIND_NOUNS[kind];
  return `${count} ${count === 1 ? one : many}`;
}

/** "Stop 3 VMs?" */
export function confirmTitle(kind: BulkKind, verb: string, count: number): string {
  return `${VERB_LABELS[verb] ?? verb} ${countNoun(kind, count)}?`;
}

/** What a verb does that the dialog should say before it happens. */
export function verbWarning(kind: BulkKind, verb: string): string | null {
  if (kind === 'vm' && verb === 'delete')
    return 'Deleting is permanent. Running VMs are stopped first, then deleted.';
  if (kind === 'disk' && verb === 'delete')
    return 'Deleting is permanent. Attached disks are refused: detach them first.';
  if (kind === 'ip' && verb === 'delete')
    return 'Deleting an address deletes its interface and every address on it. Attached interfaces are refused.';
  if (kind === 'vm' && verb === 'snapshot')
    return "Each VM's system disk gets a snapshot named by the date and time (UTC).";
  if (kind === 'vm' && (verb === 'stop' || verb === 'reboot'))
    return 'Running services on these VMs are interrupted.';
  return null;
}

/** Summary line: "2 started, 1 sent for approval, 1 refused". */
export function summarize(items: readonly BulkItemResult[]): string {
  const ok = items.filter((item) => item.ok).length;
  const held = items.filter((item) => item.held === true).length;
  const refused = items.length - ok - held;
  return [
    ok ? `${ok} started` : null,
    held ? `${held} sent for approval` : null,
    refused ? `${refused} refused` : null,
  ]
    .filter(Boolean)
    .join(', ');
}
