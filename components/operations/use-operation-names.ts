'use client';

import { useEffect, useRef, useState } from 'react';
import type { OperationEvent } from '@/lib/operations/types';
import { operationNamesAction } from './actions';
import type { ResourceNames } from './resource-label';

type Named = { vms: Record<number, string>; disks: Record<number, string> };

/**
 * Names of the VMs and disks `ops` are about, asked of the server while `enabled` (the drawer is
 * open) — each id once: a row reads "web-1", not "server 350003". Until the answer (or if it
 * fails) the rows keep their kind-and-id label.
 */
export function useOperationNames(ops: readonly OperationEvent[], enabled: boolean): ResourceNames {
  const [names, setNames] = useState<Named>({ vms: {}, disks: {} });
  const asked = useRef({ vms: new Set<number>(), disks: new Set<number>() });
  const present = (ids: (number | null)[]) =>
    [...new Set(ids.filter((id): id is number => id !== null))].sort((x, y) => x - y).join(',');
  const key = `${present(ops.map((op) => op.vmId))}|${present(ops.map((op) => op.diskId))}`;
  useEffect(() => {
    if (!enabled) return;
    const [vmPart = '', diskPart = ''] = key.split('|');
    const unasked = (part: string, seen: Set<number>) =>
      part
        .split(',')
        .filter(Boolean)
        .map(Number)
        .filter((id) => !seen.has(id))
        .slice(0, 100);
    const vmIds = unasked(vmPart, asked.current.vms);
    const diskIds = unasked(diskPart, asked.current.disks);
    if (vmIds.length === 0 && diskIds.length === 0) return;
    for (const id of vmIds) asked.current.vms.add(id);
    for (const id of diskIds) asked.current.disks.add(id);
    void operationNamesAction({ vmIds, diskIds }).then((result) => {
      if (result.status !== 'ok') return;
      setNames((before) => ({
        vms: { ...before.vms, ...result.data.vms },
        disks: { ...before.disks, ...result.data.disks },
      }));
    });
  }, [enabled, key]);
  return names;
}
