'use client';

import { useEffect, useRef } from 'react';
import { BULK_BLOCKED_NOTE_ID, useBulk } from './bulk-context';

const BOX = 'mr-2 size-4 rounded border-zinc-400 align-middle accent-teal-700 dark:accent-teal-400';

/** A row's checkbox, named after the row ("Select web-1"). Renders nothing outside a selection. */
export function BulkRowCheckbox({ id, name }: { id: number; name: string }) {
  const bulk = useBulk();
  if (!bulk) return null;
  const blocked = bulk.blocked.has(id);
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={`Select ${name}`}
      disabled={blocked}
      aria-describedby={blocked ? BULK_BLOCKED_NOTE_ID : undefined}
      checked={bulk.selected.has(id)}
      onChange={(event) => bulk.toggle(id, event.target.checked)}
    />
  );
}

/** Selects every row of this page (mixed when some are); lives in the bulk toolbar. */
export function BulkSelectAll() {
  const bulk = useBulk();
  const ref = useRef<HTMLInputElement>(null);
  const count = bulk?.selected.size ?? 0;
  const total = (bulk?.items.length ?? 0) - (bulk?.blocked.size ?? 0);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && count < total;
  }, [count, total]);
  if (!bulk) return null;
  return (
    <input
      ref={ref}
      type="checkbox"
      className={BOX}
      aria-label="Select all on this page"
      disabled={total === 0}
      checked={total > 0 && count === total}
      onChange={(event) => bulk.setAll(event.target.checked)}
    />
  );
}
