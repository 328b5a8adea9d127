import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { diskListQuerySchema } from '@/lib/validation/disk-list-query';
import { DiskListSection } from './disk-list-section';

export const metadata: Metadata = { title: 'Disks' };

export default async function DisksPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const params = await searchParams;
  const query = diskListQuerySchema.parse(params);
  return (
    <>
      <PageHeader
        title="Disks"
        description="Data disks and snapshots, filtered, sorted and paged by the API."
        actions={
          <Link href="/disks/new" className={buttonClasses('primary')}>
            Create disk
          </Link>
        }
      />
      <Suspense
        key={JSON.stringify(query)}
        fallback={<TableSkeleton label="Loading disks…" columns={7} />}
      >
        <DiskListSection query={query} searchParams={params} />
      </Suspense>
    </>
  );
}
