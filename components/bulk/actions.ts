'use server';

import { z } from 'zod';
import { defineJsonAction } from '@/lib/action';
import { runBulk } from './bulk-items';
import {
  BULK_VERBS,
  MAX_BULK_ITEMS,
  type BulkJobProgress,
  type BulkKind,
  type BulkResult,
} from './bulk-model';
import { vmDeleteProgress } from './bulk-vm-delete';

function bulkSchema<K extends BulkKind>(kind: K) {
  return z.object({
    verb: z.enum(BULK_VERBS[kind] as unknown as [string, ...string[]]),
    ids: z
      .array(z.number().int().positive())
      .min(1, 'Select at least one item.')
      .max(MAX_BULK_ITEMS, `At most ${MAX_BULK_ITEMS} items at once.`)
      .refine((ids) => new Set(ids).size === ids.length, 'An item is named twice.'),
  });
}

// The batch itself only dispatches: it is declared as a read, and every item then goes through
// its own declared action (permission, ownership and audit per item; see bulk-items.ts).

export const bulkVmAction = defineJsonAction(
  bulkSchema('vm'),
  async ({ verb, ids }, ctx): Promise<BulkResult> => ({
    verb,
    items: await runBulk('vm', verb, ids, ctx),
  }),
  { permission: 'vm.read' },
);

/** The progress of a bulk VM delete job (its queuer's only). */
export const bulkJobProgressAction = defineJsonAction(
  z.object({ jobId: z.uuid() }),
  async ({ jobId }, ctx): Promise<BulkJobProgress> => vmDeleteProgress(ctx, jobId),
  { permission: 'vm.read' },
);

export const bulkDiskAction = defineJsonAction(
  bulkSchema('disk'),
  async ({ verb, ids }, ctx): Promise<BulkResult> => ({
    verb,
    items: await runBulk('disk', verb, ids, ctx),
  }),
  { permission: 'disk.read' },
);

export const bulkIpAction = defineJsonAction(
  bulkSchema('ip'),
  async ({ verb, ids }, ctx): Promise<BulkResult> => ({
    verb,
    items: await runBulk('ip', verb, ids, ctx),
  }),
  { permission: 'ip.read' },
);
