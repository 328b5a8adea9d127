import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED_OPERATIONS, parseKnown, serializeKnown } from './event-id';

describe('SSE event ids', () => {
  it('round-trips the versions a stream delivered', () => {
    const known = new Map([
      [101, '3f2a9c01e4aa'],
      [102, '77b0c1d2e3f4'],
    ]);
    expect(serializeKnown(known)).toBe('101.3f2a9c01e4aa,102.77b0c1d2e3f4');
    expect(parseKnown(serializeKnown(known))).toEqual(known);
  });

  it('remembers only the most recent operations', () => {
    const known = new Map(
      Array.from({ length: 100 }, (_, i) => [i + 1, 'abc'] as [number, string]),
    );
    const parsed = parseKnown(serializeKnown(known));
    expect(parsed.size).toBe(MAX_REMEMBERED_OPERATIONS);
    expect(parsed.has(100)).toBe(true);
    expect(parsed.has(1)).toBe(false);
  });

  it('ignores anything malformed instead of failing the reconnect', () => {
    expect(parseKnown(null).size).toBe(0);
    expect(parseKnown('garbage').size).toBe(0);
    expect(parseKnown('1.abc,<script>,2.XYZ,3.def')).toEqual(
      new Map([
        [1, 'abc'],
        [3, 'def'],
      ]),
    );
    expect(parseKnown('1.abc'.padEnd(10_000, ',')).size).toBe(0);
  });
});
