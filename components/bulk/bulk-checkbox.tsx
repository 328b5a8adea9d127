'use client';

import { useEffect, useRef } from 'react';
import { useBulk } from './bulk-context';

const BOX = 'mr-2 size-4 rounded border-zinc-400 align-middle accent-teal-700 dark:accent-teal-400';

/** A row's checkbox, named after the row ("Select web-1"). Renders nothing outside a selection. */
export function BulkRowCheckbox({ id, name }: { id: number; name: string }) {
  const bulk = useBulk();
  if (!bulk) return null;
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={`Select ${name}`}
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
  const total = bulk?.items.length ?? 0;
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
      checked={total > 0 && count === total}
      onChange={(event) => bulk.setAll(event.target.checked)}
    />
  );
}
