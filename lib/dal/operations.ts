import 'server-only';
import { operationCount, operationList, type GandiConnection, type ListOptions } from '@/lib/gandi';
import { RUNNING_STEPS, toOperationEvent, type OperationEvent } from '@/lib/operations/types';
import type { OperationFilters } from '@/lib/validation/operation-filters';

/** The newest running operations (BILL/WAIT/RUN), as the live views start from them. */
export async function listRunningOperations(conn: GandiConnection): Promise<OperationEvent[]> {
  const ops = await operationList(conn, {
    step: [...RUNNING_STEPS],
    items_per_page: 100,
    sort_by: 'date_created DESC',
  });
  return ops.map(toOperationEvent);
}

export interface OperationPage {
  operations: OperationEvent[];
  total: number;
}

/** One page of the account's operations, filtered and paged by the API (not locally). */
export async function listOperationPage(
  conn: GandiConnection,
  filters: OperationFilters,
): Promise<OperationPage> {
  const where: ListOptions = {};
  if (filters.step === 'running') where.step = [...RUNNING_STEPS];
  else if (filters.step) where.step = filters.step;
  if (filters.type) where.type = filters.type;
  const [ops, total] = await Promise.all([
    operationList(conn, {
      ...where,
      items_per_page: filters.pageSize,
      // The API counts pages from 0; the URL from 1.
      page: filters.page - 1,
      sort_by: 'date_created DESC',
    }),
    operationCount(conn, where),
  ]);
  return { operations: ops.map(toOperationEvent), total };
}
