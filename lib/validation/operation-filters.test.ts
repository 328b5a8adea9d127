import { describe, expect, it } from 'vitest';
import { OPERATIONS_PAGE_SIZE, parseOperationFilters } from './operation-filters';

describe('parseOperationFilters', () => {
  it('reads step, type and page', () => {
    expect(parseOperationFilters({ step: 'ERROR', type: 'vm_create', page: '3' })).toEqual({
      step: 'ERROR',
      type: 'vm_create',
      page: 3,
      pageSize: OPERATIONS_PAGE_SIZE,
    });
  });

  it('drops unknown steps, odd types and bad pages', () => {
    expect(parseOperationFilters({ step: 'nope', type: "x' OR 1", page: '-2' })).toEqual({
      page: 1,
      pageSize: OPERATIONS_PAGE_SIZE,
    });
    expect(parseOperationFilters({})).toEqual({ page: 1, pageSize: OPERATIONS_PAGE_SIZE });
  });
});
