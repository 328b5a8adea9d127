import { describe, expect, it } from 'vitest';
import { diskListQuerySchema } from './disk-list-query';

describe('list query (URL)', () => {
  it('keeps valid values and defaults the rest', () => {
    expect(
      diskListQuerySchema.parse({
        page: '2',
        type: 'snapshot',
        dc: '4',
        q: 'data_1',
        sort: '-size',
      }),
    ).toEqual({
      page: 2,
      type: 'snapshot',
      dc: 4,
      q: 'data_1',
      sort: '-size',
    });
    expect(
      diskListQuerySchema.parse({ page: '-1', type: 'cdrom', dc: 'x', q: '50%', sort: 'evil' }),
    ).toEqual({
      page: 1,
      type: undefined,
      dc: undefined,
      q: undefined,
      sort: 'name',
    });
    expect(diskListQuerySchema.parse({ page: ['3', '4'] }).page).toBe(3);
  });
});
