import { describe, expect, it } from 'vitest';
import {
  addEnded,
  addTracked,
  MAX_TRACKED,
  parseEnded,
  parseTracked,
  removeTracked,
  toastFor,
  TRACK_FOR_MS,
} from './tracked-operations';

const NOW = Date.UTC(2026, 10, 27, 12);

describe('tracked operations', () => {
  it('adds once, removes, and keeps the newest within the stream limit', () => {
    const one = addTracked([], [5, 6], NOW);
    expect(addTracked(one, [6, 7], NOW + 1)).toEqual([
      { id: 5, since: NOW },
      { id: 6, since: NOW },
      { id: 7, since: NOW + 1 },
    ]);
    expect(removeTracked(one, [5])).toEqual([{ id: 6, since: NOW }]);
    const many = addTracked(
      [],
      Array.from({ length: MAX_TRACKED + 3 }, (_, i) => i + 1),
      NOW,
    );
    expect(many).toHaveLength(MAX_TRACKED);
    expect(many[0]?.id).toBe(4);
  });

  it('reads storage defensively and forgets what is older than a day', () => {
    expect(parseTracked(null, NOW)).toEqual([]);
    expect(parseTracked('not json', NOW)).toEqual([]);
    expect(parseTracked('{"id":1}', NOW)).toEqual([]);
    const stored = JSON.stringify([
      { id: 1, since: NOW - TRACK_FOR_MS },
      { id: 2, since: NOW - 1000 },
      { id: -3, since: NOW },
      { id: 'x', since: NOW },
    ]);
    expect(parseTracked(stored, NOW)).toEqual([{ id: 2, since: NOW - 1000 }]);
  });

  it('words the toast by final step, with last_error on a failure', () => {
    expect(toastFor({ id: 9, type: 'vm_stop', step: 'DONE', lastError: null })).toEqual({
      id: 9,
      tone: 'success',
      title: 'Stop server: done',
      body: null,
    });
    expect(
      toastFor({ id: 10, type: 'vm_create', step: 'ERROR', lastError: 'no space left' }),
    ).toMatchObject({ tone: 'danger', title: 'Create server: failed', body: 'no space left' });
    expect(toastFor({ id: 11, type: 'vm_start', step: 'CANCEL', lastError: null }).title).toBe(
      'Start server: cancelled',
    );
  });
});

describe('announced operations', () => {
  it('are remembered once, newest last, and bad storage reads as none', () => {
    expect(addEnded(addEnded([1, 2], 1), 3)).toEqual([2, 1, 3]);
    expect(parseEnded('[4,"x",-1,5]')).toEqual([4, 5]);
    expect(parseEnded('nope')).toEqual([]);
  });
});
