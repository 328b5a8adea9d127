'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { OperationEvent } from '@/lib/operations/types';
import { LiveOperations, type OperationGroup } from './live-operations';
import { useOperationGroups } from './use-operation-groups';

/** What a control of the VM page does with the operations its action started. */
type Started = { operations: { id: number }[] };
type Settled = (ops: OperationEvent[]) => void;

export interface VmOperations {
  /** Follows them live under "<title> <hostname>". */
  onStarted: (title: string, data: Started) => void;
  /** Follows them live under `title`; `onSettled` runs once they are all final. */
  follow: (title: string, data: Started, onSettled?: Settled) => void;
  addGroup: (group: OperationGroup) => void;
  /** The VM is being deleted: its page must not re-render into a 404 mid-way. */
  markLeaving: () => void;
}

const VmOperationsContext = createContext<VmOperations | null>(null);

/**
 * One live progress panel for everything the VM page starts — power, resize, rename, disks,
 * IPs — so each form only reports what it started (the panel refreshes the page when it settles).
 */
export function VmOperationsProvider({
  hostname,
  runningOperationIds,
  children,
}: {
  hostname: string;
  /** Operations of this VM the server found not yet settled. */
  runningOperationIds: number[];
  children: ReactNode;
}) {
  const { groups, addGroup } = useOperationGroups();
  const [leaving, setLeaving] = useState(false);
  const markLeaving = useCallback(() => setLeaving(true), []);
  const follow = useCallback<VmOperations['follow']>(
    (title, data, onSettled) => {
      const ids = data.operations.map((op) => op.id);
      addGroup({ key: `${title}-${ids.join(',')}`, title, ids, onSettled });
    },
    [addGroup],
  );
  const onStarted = useCallback<VmOperations['onStarted']>(
    (title, data) => follow(`${title} ${hostname}`, data),
    [follow, hostname],
  );
  const value = useMemo(
    () => ({ onStarted, follow, addGroup, markLeaving }),
    [onStarted, follow, addGroup, markLeaving],
  );
  return (
    <VmOperationsContext value={value}>
      <div className="mb-4 empty:hidden">
        <LiveOperations runningIds={runningOperationIds} groups={groups} refreshOthers={!leaving} />
      </div>
      {children}
    </VmOperationsContext>
  );
}

export function useVmOperations(): VmOperations {
  const value = useContext(VmOperationsContext);
  if (!value) throw new Error('useVmOperations needs a <VmOperationsProvider> above it.');
  return value;
}
