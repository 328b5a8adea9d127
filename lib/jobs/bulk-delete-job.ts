import { z } from 'zod';
import type { GandiConnection } from '@/lib/gandi';
import type { BulkJobItem, BulkJobProgress } from '@/components/bulk/bulk-model';
import type { SessionAccount } from '@/lib/shared-state/personal-sessions';
import type { TeamStore } from '@/lib/team/store/team-store';
import type { Job, JobKind } from './job-queue';
import type { JobContext } from './job-runner';
import { unsealJobApiKey } from './personal-key-seal';
import { deleteVmToTheEnd } from './vm-delete-steps';

/**
 * A bulk delete of VMs (select several → Delete; running ones are stopped first) as one durable
 * job: whichever replica holds its lease runs it, and one that takes it over after a crash goes
 * on from the upstream state (see vm-delete-steps.ts). The checkpoint is the per-VM progress the
 * page shows. A team member's every call is decided again by the gate as it is sent (role and
 * ownership as they are when the job runs, not when it was queued).
 */
export const BULK_VM_DELETE = 'bulk.vm-delete';

const personalBy = z.object({
  kind: z.literal('personal'),
  endpointId: z.string(),
  handle: z.string(),
  sessionId: z.string(),
  /** Sealed (see personal-key-seal.ts); dropped from the row when the job ends. */
  sealedKey: z.string().optional(),
});
const teamBy = z.object({ kind: z.literal('team'), workspaceId: z.string(), memberId: z.string() });

export const bulkDeletePayload = z.object({
  /** Random; names the job (dedupe key) and binds the sealed key to it. */
  key: z.string().min(16),
  vmIds: z.array(z.number().int().positive()).min(1).max(100),
  by: z.discriminatedUnion('kind', [personalBy, teamBy]),
});
export type BulkDeletePayload = z.infer<typeof bulkDeletePayload>;
type By = BulkDeletePayload['by'];

const checkpointSchema = z.object({
  items: z.record(
    z.string(),
    z.object({
      state: z.enum(['queued', 'running', 'deleted', 'failed']),
      phase: z.enum(['stopping', 'deleting']).nullable(),
      operationIds: z.array(z.number()),
      stopIds: z.array(z.number()),
      message: z.string().optional(),
    }),
  ),
});

/** What the job needs of the process (the runtime's, or a test's). */
export interface BulkDeleteEnv {
  sessionPassword: string;
  endpointUrl(endpointId: string): string | undefined;
  personalSessionLive(id: string, account: SessionAccount): Promise<boolean>;
  teamStore(): Promise<TeamStore>;
  intervalMs: number;
  /** How many VMs of one job are worked on at once. */
  concurrency?: number;
}

/** Who may read a job's progress: the personal account or the member that queued it. */
export function jobOwner(by: By): string {
  return by.kind === 'personal'
    ? `personal:${by.endpointId}:${by.handle}`
    : `team:${by.workspaceId}:${by.memberId}`;
}

interface Runner {
  conn: GandiConnection;
  /** Why nothing more may run for this owner now (a personal session ended), or null. */
  refusal(): Promise<string | null>;
  audit(vmId: number, item: BulkJobItem, jobId: string): Promise<void>;
}

async function personalRunner(
  env: BulkDeleteEnv,
  payload: BulkDeletePayload,
  by: z.infer<typeof personalBy>,
): Promise<Runner> {
  const endpoint = env.endpointUrl(by.endpointId);
  if (!endpoint) throw new Error('The endpoint of this job is no longer offered.');
  if (!by.sealedKey) throw new Error('This job has no key to run with.');
  const apiKey = unsealJobApiKey(env.sessionPassword, payload.key, by.sealedKey);
  const account = { endpointId: by.endpointId, handle: by.handle };
  return {
    conn: { endpoint, apiKey },
    // Signing out (or "end every session") stops what the session queued and has not yet run.
    refusal: async () =>
      (await env.personalSessionLive(by.sessionId, account))
        ? null
        : 'Not run: the session that asked for it has ended.',
    audit: async () => undefined,
  };
}

async function teamRunner(env: BulkDeleteEnv, by: z.infer<typeof teamBy>): Promise<Runner> {
  const { gatedConnection } = await import('@/lib/team/gate/gated-connection');
  const team = await env.teamStore();
  const workspace = await team.getWorkspace(by.workspaceId);
  const endpoint = workspace ? env.endpointUrl(workspace.endpoint_id) : undefined;
  if (!workspace || !endpoint) throw new Error('The workspace of this job is gone.');
  const member = async () => {
    const found = await team.getMember(by.memberId);
    return found && found.workspace_id === by.workspaceId && found.removed_at === null
      ? found
      : null;
  };
  const current = await member();
  if (!current) throw new Error('The member who asked for this is no longer in the workspace.');
  const plain = { endpoint, apiKey: await team.workspaceApiKey(workspace.id) };
  return {
    conn: gatedConnection(plain, {
      workspaceId: by.workspaceId,
      memberId: current.id,
      role: current.role,
    }),
    refusal: async () =>
      (await member()) ? null : 'Not run: the member is no longer in the workspace.',
    // Each step the job sends is audited in the member's name (an admission entry came first).
    audit: async (vmId, item, jobId) => {
      const ended = item.state === 'failed';
      const action = item.phase === 'stopping' ? 'vm.stop' : 'vm.delete';
      await team.appendAudit(by.workspaceId, {
        memberId: current.id,
        memberEmail: current.email,
        ip: null,
        action: ended ? 'vm.delete' : action,
        resource: `vm:${vmId}`,
        params: { job: jobId },
        result: ended ? 'error' : 'ok',
        message: ended ? (item.message ?? null) : `Run by bulk delete job ${jobId}.`,
        operations: ended
          ? []
          : item.operationIds.map((id) => ({
              id,
              type: item.phase === 'stopping' ? 'vm_stop' : 'vm_delete',
            })),
      });
    },
  };
}

function readCheckpoint(value: unknown): Record<string, BulkJobItem> {
  const parsed = checkpointSchema.safeParse(value);
  return parsed.success ? parsed.data.items : {};
}

export function bulkDeleteJob(env: BulkDeleteEnv): JobKind {
  return {
    run: async (job: Job, ctx: JobContext) => {
      const payload = bulkDeletePayload.parse(job.payload);
      const items = readCheckpoint(job.checkpoint);
      const runner =
        payload.by.kind === 'personal'
          ? await personalRunner(env, payload, payload.by)
          : await teamRunner(env, payload.by);
      // One writer at a time: concurrent items each record the whole map.
      let writes = Promise.resolve();
      const record = (vmId: number, item: BulkJobItem) => {
        const before = items[String(vmId)];
        items[String(vmId)] = item;
        const changed =
          before?.state !== item.state ||
          before.operationIds.join(',') !== item.operationIds.join(',');
        writes = writes
          .then(() => ctx.checkpoint({ items: { ...items } }))
          .then(() => (changed ? runner.audit(vmId, item, job.id) : undefined));
        return writes;
      };
      const todo = payload.vmIds.filter((id) => {
        const state = items[String(id)]?.state;
        return state !== 'deleted' && state !== 'failed';
      });
      let next = 0;
      const worker = async () => {
        while (next < todo.length && !ctx.signal.aborted) {
          const vmId = todo[next++]!;
          const previous = items[String(vmId)];
          const refused = await runner.refusal();
          if (refused) {
            const base = previous ?? { phase: null, operationIds: [], stopIds: [] };
            await record(vmId, { ...base, state: 'failed', message: refused });
            continue;
          }
          await deleteVmToTheEnd(runner.conn, vmId, previous, {
            record: (item) => record(vmId, item),
            signal: ctx.signal,
            intervalMs: env.intervalMs,
          });
        }
      };
      const workers = Math.min(env.concurrency ?? 4, todo.length);
      await Promise.all(Array.from({ length: workers }, worker));
      await writes;
    },
    // Once ended, the row keeps no key (a failed job's included).
    ended: (payload) => {
      const parsed = bulkDeletePayload.safeParse(payload);
      if (!parsed.success || parsed.data.by.kind !== 'personal') return payload;
      const { sealedKey: _dropped, ...by } = parsed.data.by;
      return { ...parsed.data, by };
    },
  };
}

/** A job's progress for its owner only (null: no such job, or someone else's). */
export function bulkJobProgress(
  row: {
    kind: string;
    payload: string;
    checkpoint: string | null;
    state: string;
    error: string | null;
  },
  owner: string,
): BulkJobProgress | null {
  if (row.kind !== BULK_VM_DELETE) return null;
  const payload = bulkDeletePayload.safeParse(JSON.parse(row.payload));
  if (!payload.success || jobOwner(payload.data.by) !== owner) return null;
  const items = readCheckpoint(row.checkpoint === null ? null : JSON.parse(row.checkpoint));
  const state = row.state === 'done' || row.state === 'failed' ? row.state : 'queued';
  return { state, items, error: row.error };
}
