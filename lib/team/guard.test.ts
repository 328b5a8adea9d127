import { describe, expect, it } from 'vitest';
import { collectOperations } from './guard';

describe('operation ids in an action result', () => {
  it('finds `{ operations: [...] }`, nested results and a bare operation', () => {
    expect(
      collectOperations({
        operations: [
          { id: 11, type: 'vm_create' },
          { id: 12, type: 'disk_create' },
        ],
      }),
    ).toEqual([
      { id: 11, type: 'vm_create' },
      { id: 12, type: 'disk_create' },
    ]);
    expect(
      collectOperations({ phase: 'stopping', operations: [{ id: 5, type: 'vm_stop' }] }),
    ).toEqual([{ id: 5, type: 'vm_stop' }]);
    expect(collectOperations({ id: 9, type: 'vm_start', step: 'BILL' })).toEqual([
      { id: 9, type: 'vm_start' },
    ]);
  });

  it('does not take other ids for operations', () => {
    expect(collectOperations({ id: 3, type: 'vm' })).toEqual([]);
    expect(collectOperations({ vmId: 4, removed: 'abc' })).toEqual([]);
    expect(collectOperations(undefined)).toEqual([]);
    expect(
      collectOperations({
        operations: [
          { id: 7, type: 'x' },
          { id: 7, type: 'x' },
        ],
      }),
    ).toHaveLength(1);
  });
});
