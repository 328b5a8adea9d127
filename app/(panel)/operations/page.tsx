import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OperationFilterForm } from '@/components/operations/operation-filter-form';
import { OperationHistory } from '@/components/operations/operation-history';
import { RunningOperations } from '@/components/operations/running-operations';
import { Card } from '@/components/ui/card';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { CardSkeleton, TableSkeleton } from '@/components/ui/skeleton';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { listRunningOperations } from '@/lib/dal/operations';
import type { GandiConnection } from '@/lib/gandi';
import { parseOperationFilters } from '@/lib/validation/operation-filters';

export const metadata: Metadata = { title: 'Operations' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function RunningNow({ conn }: { conn: GandiConnection }) {
  const result = await load(() => listRunningOperations(conn));
  if (!result.ok)
    return <ErrorPanel title="Running operations unavailable" message={result.message} />;
  return (
    <Card title="Running now">
      <RunningOperations
        initial={result.data}
        emptyHint="Operations started from any tab or tool appear here live."
      />
    </Card>
  );
}

export default async function OperationsPage({ searchParams }: { searchParams: SearchParams }) {
  const { conn } = await requireSession();
  const params = await searchParams;
  const filters = parseOperationFilters(params);
  return (
    <>
      <PageHeader
        title="Operations"
        description="What Gandi is doing for this account: running now, then the history."
      />
      <div className="space-y-6">
        <Suspense fallback={<CardSkeleton label="Loading running operations…" />}>
          <RunningNow conn={conn} />
        </Suspense>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-3 text-lg font-semibold">
            History
          </h2>
          <OperationFilterForm step={filters.step} type={filters.type} />
          <Suspense
            key={JSON.stringify(filters)}
            fallback={<TableSkeleton label="Loading operations…" />}
          >
            <OperationHistory conn={conn} filters={filters} searchParams={params} />
          </Suspense>
        </section>
      </div>
    </>
  );
}
