'use client';

import { createContext, useContext } from 'react';

export interface BulkItem {
  id: number;
  /** How the item is named in the dialog and the results (hostname, disk name, address). */
  name: string;
  /** Who created it through the portal (operators may act only on their own). */
  ownerId?: string | null | undefined;
}

export interface BulkSelectionState {
  items: readonly BulkItem[];
  selected: ReadonlySet<number>;
  /** Items this member may not act on, with why (their checkboxes are disabled). */
  blocked: ReadonlyMap<number, string>;
  toggle: (id: number, on: boolean) => void;
  setAll: (on: boolean) => void;
}

/** The id of the sentence under the toolbar that says why some rows cannot be selected. */
export const BULK_BLOCKED_NOTE_ID = 'bulk-blocked-note';

export const BulkContext = createContext<BulkSelectionState | null>(null);

export function useBulk(): BulkSelectionState | null {
  return useContext(BulkContext);
}
