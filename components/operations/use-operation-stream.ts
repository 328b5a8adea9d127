'use client';

import { useEffect, useRef, useState } from 'react';
import type { OperationEvent } from '@/lib/operations/types';

/** `refused`: the server's limits (streams per session, ids per account) said no; no retry. */
export type StreamStatus = 'connecting' | 'live' | 'paused' | 'settled' | 'refused';

export interface OperationStreamState {
  /** Operations by id, in first-seen order. */
  operations: Map<number, OperationEvent>;
  missing: Set<number>;
  status: StreamStatus;
  /** The last upstream problem the watcher reported (cleared by the next good event). */
  problem: string | null;
}

/**
 * Subscribes to `/api/operations/stream` (`ids` or `scope=running`). EventSource reconnects by
 * itself after a drop and sends `Last-Event-ID`, so the stream resumes where it left off.
 */
export function useOperationStream(
  query: { ids: readonly number[] } | { running: true },
  options: {
    initial?: readonly OperationEvent[];
    onSettled?: (ops: OperationEvent[]) => void;
  } = {},
): OperationStreamState {
  const search = 'ids' in query ? `ids=${query.ids.join(',')}` : 'scope=running';
  const [state, setState] = useState<OperationStreamState>(() => ({
    operations: new Map((options.initial ?? []).map((op) => [op.id, op])),
    missing: new Set(),
    status: 'connecting',
    problem: null,
  }));
  const onSettledRef = useRef(options.onSettled);
  const settledRef = useRef(false);
  useEffect(() => {
    onSettledRef.current = options.onSettled;
  });
  // Called once, after the render that shows the final steps (not from inside a state updater).
  useEffect(() => {
    if (state.status !== 'settled' || !settledRef.current) return;
    settledRef.current = false;
    onSettledRef.current?.([...state.operations.values()]);
  }, [state]);

  useEffect(() => {
    if (search === 'ids=') return;
    const source = new EventSource(`/api/operations/stream?${search}`);
    source.addEventListener('open', () =>
      setState((prev) => ({ ...prev, status: prev.status === 'settled' ? prev.status : 'live' })),
    );
    source.addEventListener('operation', (event) => {
      const op = JSON.parse((event as MessageEvent<string>).data) as OperationEvent;
      setState((prev) => {
        const operations = new Map(prev.operations);
        operations.set(op.id, op);
        return {
          ...prev,
          operations,
          status: prev.status === 'settled' ? prev.status : 'live',
          problem: null,
        };
      });
    });
    source.addEventListener('missing', (event) => {
      const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: number };
      setState((prev) => ({ ...prev, missing: new Set(prev.missing).add(id) }));
    });
    source.addEventListener('upstream-error', (event) => {
      const { message } = JSON.parse((event as MessageEvent<string>).data) as { message: string };
      setState((prev) => ({ ...prev, status: 'paused', problem: message }));
    });
    source.addEventListener('revoked', () => {
      source.close();
      // A full navigation to the route handler that ends the session (a client component cannot
      // clear an httpOnly cookie) and forwards to /login with the explanation.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a route handler, not a page
      window.location.assign('/api/session/revoked');
    });
    source.addEventListener('refused', (event) => {
      source.close();
      const { message } = JSON.parse((event as MessageEvent<string>).data) as { message: string };
      setState((prev) => ({ ...prev, status: 'refused', problem: message }));
    });
    source.addEventListener('settled', () => {
      source.close();
      setState((prev) => ({ ...prev, status: 'settled' }));
      settledRef.current = true;
    });
    source.addEventListener('error', () => {
      // The browser retries on its own; say so instead of looking frozen.
      setState((prev) =>
        prev.status === 'settled' || prev.status === 'refused'
          ? prev
          : { ...prev, status: 'paused' },
      );
    });
    return () => source.close();
  }, [search]);

  return state;
}
