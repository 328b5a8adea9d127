'use client';

import { useCallback, useState } from 'react';
import type { OperationGroup } from './live-operations';

/**
 * The operation groups a page started and follows in `<LiveOperations>`. A group is added once
 * per key: an action result seen again (a re-render, a repeated callback) adds nothing.
 */
export function useOperationGroups(): {
  groups: OperationGroup[];
  addGroup: (group: OperationGroup) => void;
} {
  const [groups, setGroups] = useState<OperationGroup[]>([]);
  const addGroup = useCallback(
    (group: OperationGroup) =>
      setGroups((current) =>
        current.some((existing) => existing.key === group.key) ? current : [...current, group],
      ),
    [],
  );
  return { groups, addGroup };
}
