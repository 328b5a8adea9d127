'use server';

import { z } from 'zod';
import { operationCancel } from '@/lib/gandi';
import { defineJsonAction } from '@/lib/action';
import { NAMES_PER_ASK, resourceNames } from '@/lib/dal/operations';
import { operationWatchers } from '@/lib/operations/registry';

const cancelSchema = z.object({ id: z.number().int().positive() });

/** Cancels an operation that has not started yet; the live views see CANCEL on their next event. */
export const cancelOperationAction = defineJsonAction(
  cancelSchema,
  async ({ id }, { conn }) => {
    await operationCancel(conn, id);
    // Pull the account watcher's next poll forward so every tab shows the cancel at once.
    operationWatchers.existing(conn)?.nudge();
    return { id };
  },
  { permission: 'operation.cancel', resource: ({ id }) => ({ kind: 'operation', id }) },
);

const ids = z.array(z.number().int().positive()).max(NAMES_PER_ASK);

/** Names for the operations the activity drawer lists (it is on every page, outside theirs). */
export const operationNamesAction = defineJsonAction(
  z.object({ vmIds: ids, diskIds: ids }),
  async (input, { conn }) => resourceNames(conn, input),
  { permission: 'vm.read' },
);
