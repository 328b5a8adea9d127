'use client';

import { createContext, useContext } from 'react';

export interface BulkItem {
  id: number;
  /** How the item is named in the dialog and the results (hostname, disk name, address). */
  name: string;
}

export interface BulkSelectionState {
  items: readonly BulkItem[];
  selected: ReadonlySet<number>;
  toggle: (id: number, on: boolean) => void;
  setAll: (on: boolean) => void;
}

export const BulkContext = createContext<BulkSelectionState | null>(null);

export function useBulk(): BulkSelectionState | null {
  return useContext(BulkContext);
}
