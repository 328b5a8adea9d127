import { describe, expect, it } from 'vitest';
import { summarize, type BulkItemResult } from './bulk-model';

describe('bulk summary line', () => {
  it('counts started, held for approval and refused items apart', () => {
    const items: BulkItemResult[] = [
      { id: 1, ok: true, operationIds: [10] },
      { id: 2, ok: false, held: true, requestId: 'r-1', message: 'Policy: …' },
      { id: 3, ok: false, message: 'halted' },
      { id: 4, ok: true, jobId: 'job-1' },
    ];
    expect(summarize(items)).toBe('2 started, 1 sent for approval, 1 refused');
    expect(summarize(items.slice(1, 2))).toBe('1 sent for approval');
    expect(summarize(items.slice(2, 3))).toBe('1 refused');
  });
});
