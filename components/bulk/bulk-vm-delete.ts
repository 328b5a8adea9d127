import 'server-only';
import { randomBytes } from 'node:crypto';
import { ActionError, type ActionContext } from '@/lib/action';
import { getEnv } from '@/lib/env';
import { vmInfo, type GandiConnection } from '@/lib/gandi';
import {
  BULK_VM_DELETE,
  bulkJobProgress,
  jobOwner,
  type BulkDeletePayload,
} from '@/lib/jobs/bulk-delete-job';
import { sealJobApiKey } from '@/lib/jobs/personal-key-seal';
import { getSession } from '@/lib/session';
import type { BulkJobProgress } from './bulk-model';

/**
 * The bulk VM delete is admitted per item in the request (each item its own declared `vm.delete`
 * action: permission, ownership, the approval policy's hold, the audit entry), then run as one
 * durable job (lib/jobs/bulk-delete-job.ts) that stops and deletes on whichever replica holds it.
 */

/** Marks an item admitted to the job (nothing was sent upstream yet). */
export interface Admitted {
  operations: [];
  admitted: true;
}

/** Only a running (stopped first) or halted VM can be deleted; the job checks again when it runs. */
export async function admitVmDelete(conn: GandiConnection, id: number): Promise<Admitted> {
  const vm = await vmInfo(conn, id);
  if (vm.state !== 'running' && vm.state !== 'halted') {
    throw new ActionError(
      `${vm.hostname} is ${vm.state.replace(/_/g, ' ')}: it can be deleted once it is running or halted.`,
    );
  }
  return { operations: [], admitted: true };
}

async function jobBy(ctx: ActionContext, key: string): Promise<BulkDeletePayload['by']> {
  const principal = ctx.principal;
  if (principal?.kind === 'team') {
    return { kind: 'team', workspaceId: principal.workspaceId, memberId: principal.memberId };
  }
  const sessionId = (await getSession()).personalSessionId;
  if (!sessionId) throw new ActionError('Your session has ended — sign in again.');
  return {
    kind: 'personal',
    endpointId: ctx.endpoint.id,
    handle: ctx.handle,
    sessionId,
    sealedKey: sealJobApiKey(getEnv().sessionPassword, key, ctx.conn.apiKey),
  };
}

/** Queues one job for the admitted VMs; returns its id. */
export async function queueVmDeletes(ctx: ActionContext, vmIds: number[]): Promise<string> {
  const { enqueueJob } = await import('@/lib/jobs/runtime');
  const key = randomBytes(18).toString('base64url');
  const payload: BulkDeletePayload = { key, vmIds, by: await jobBy(ctx, key) };
  return enqueueJob(BULK_VM_DELETE, payload, `bulk:${key}`);
}

function ownerOf(ctx: ActionContext): string {
  const principal = ctx.principal;
  return jobOwner(
    principal?.kind === 'team'
      ? { kind: 'team', workspaceId: principal.workspaceId, memberId: principal.memberId }
      : { kind: 'personal', endpointId: ctx.endpoint.id, handle: ctx.handle, sessionId: '' },
  );
}

/** The job's progress for the account or member that queued it; anyone else's reads as unknown. */
export async function vmDeleteProgress(
  ctx: ActionContext,
  jobId: string,
): Promise<BulkJobProgress> {
  const { jobs } = await import('@/lib/jobs/runtime');
  const row = await (await jobs()).queue.get(jobId);
  const progress = row ? bulkJobProgress(row, ownerOf(ctx)) : null;
  if (!progress) throw new ActionError('No such bulk action.');
  return progress;
}
