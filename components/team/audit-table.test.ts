import { describe, expect, it } from 'vitest';
import { readableParams } from './audit-table';

describe('readableParams', () => {
  const emails = new Map([['m-1', 'ann@example.test']]);
  it('names the member a `_by` parameter refers to', () => {
    expect(readableParams('{"action":"vm.create","requested_by":"m-1"}', emails)).toBe(
      '{"action":"vm.create","requested_by":"ann@example.test"}',
    );
  });
  it('leaves unknown ids, other keys and non-JSON as they are', () => {
    expect(readableParams('{"requested_by":"m-9","vm_id":"m-1"}', emails)).toBe(
      '{"requested_by":"m-9","vm_id":"m-1"}',
    );
    expect(readableParams('not json', emails)).toBe('not json');
  });
});
