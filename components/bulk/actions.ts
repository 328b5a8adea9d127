'use server';

import { z } from 'zod';
import { defineJsonAction } from '@/lib/action';
import { runBulk } from './bulk-items';
import { BULK_VERBS, MAX_BULK_ITEMS, type BulkKind, type BulkResult } from './bulk-model';

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
  async ({ verb, ids }): Promise<BulkResult> => ({ verb, items: await runBulk('vm', verb, ids) }),
  { permission: 'vm.read' },
);

export const bulkDiskAction = defineJsonAction(
  bulkSchema('disk'),
  async ({ verb, ids }): Promise<BulkResult> => ({
    verb,
    items: await runBulk('disk', verb, ids),
  }),
  { permission: 'disk.read' },
);

export const bulkIpAction = defineJsonAction(
  bulkSchema('ip'),
  async ({ verb, ids }): Promise<BulkResult> => ({ verb, items: await runBulk('ip', verb, ids) }),
  { permission: 'ip.read' },
);
