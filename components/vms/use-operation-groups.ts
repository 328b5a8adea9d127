'use client';

import { useCallback, useState } from 'react';
import type { OperationEvent } from '@/lib/operations/types';
import type { OperationGroup } from './live-operations';

/**
 * The operation groups a page started and follows in `<LiveOperations>`. A group is added once
 * per key: an action result seen again (a re-render, a repeated callback) adds nothing.
 */
export function useOperationGroups(): {
  groups: OperationGroup[];
  addGroup: (group: OperationGroup) => void;
  /** An action's `onStarted`: follows the operations it returned under `title`. */
  follow: (
    title: string,
    onSettled?: (ops: OperationEvent[]) => void,
  ) => (data: { operations: { id: number }[] }) => void;
} {
  const [groups, setGroups] = useState<OperationGroup[]>([]);
  const addGroup = useCallback(
    (group: OperationGroup) =>
      setGroups((current) =>
        current.some((existing) => existing.key === group.key) ? current : [...current, group],
      ),
    [],
  );
  const follow = useCallback(
    (title: string, onSettled?: (ops: OperationEvent[]) => void) =>
      (data: { operations: { id: number }[] }) => {
        const ids = data.operations.map((op) => op.id);
        addGroup({ key: ids.join(','), title, ids, onSettled });
      },
    [addGroup],
  );
  return { groups, addGroup, follow };
}
