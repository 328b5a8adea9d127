import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Pagination, type SearchParamsRecord } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { load } from '@/lib/dal/load';
import { listOperationPage, operationResourceNames } from '@/lib/dal/operations';
import type { GandiConnection } from '@/lib/gandi';
import { describeOperationType } from '@/lib/operations/types';
import type { OperationFilters } from '@/lib/validation/operation-filters';
import { operationResource } from './resource-label';
import { ResourceCell } from './resource-cell';
import { StepBadge } from './step-badge';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** One server-side page of the account's operations (filtered and paged by the API). */
export async function OperationHistory({
  conn,
  filters,
  searchParams,
}: {
  conn: GandiConnection;
  filters: OperationFilters;
  searchParams: SearchParamsRecord;
}) {
  const result = await load(async () => {
    const page = await listOperationPage(conn, filters);
    return { ...page, names: await operationResourceNames(conn, page.operations) };
  });
  if (!result.ok) return <ErrorPanel title="Operations unavailable" message={result.message} />;
  const { operations, total, names } = result.data;
  if (total === 0) {
    return (
      <EmptyState
        title={
          filters.step || filters.type ? 'No operation matches these filters' : 'No operations yet'
        }
        description="Every change to a server, disk or network interface is an operation; they are listed here."
      />
    );
  }
  return (
    <>
      <Table caption="Operations">
        <thead>
          <tr>
            <Th>Operation</Th>
            <Th>Step</Th>
            <Th>Resource</Th>
            <Th>Created (UTC)</Th>
            <Th>Last update (UTC)</Th>
          </tr>
        </thead>
        <tbody>
          {operations.map((op) => (
            <tr key={op.id}>
              <Td>
                <span className="font-medium">{describeOperationType(op.type)}</span>{' '}
                <span className="text-xs text-zinc-600 dark:text-zinc-400">#{op.id}</span>
                {op.step === 'ERROR' && op.lastError ? (
                  <span className="block text-xs text-red-700 dark:text-red-400">
                    {op.lastError}
                  </span>
                ) : null}
              </Td>
              <Td>
                <StepBadge step={op.step} />
              </Td>
              <Td>
                <ResourceCell resource={operationResource(op, names)} />
              </Td>
              <Td className="whitespace-nowrap">{dateTime.format(new Date(op.dateCreated))}</Td>
              <Td className="whitespace-nowrap">{dateTime.format(new Date(op.dateUpdated))}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        pathname="/operations"
        searchParams={searchParams}
        page={filters.page}
        pageSize={filters.pageSize}
        total={total}
      />
    </>
  );
}
