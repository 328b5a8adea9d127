import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { ListPage } from '@/components/ui/list-page';
import type { SearchParamsRecord } from '@/components/ui/pagination';
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
    <ListPage
      title="Disks"
      description="Data disks and snapshots, filtered, sorted and paged by the API."
      actions={
        <Link href="/disks/new" className={buttonClasses('primary')}>
          Create disk
        </Link>
      }
      query={query}
      loadingLabel="Loading disks…"
      columns={7}
    >
      <DiskListSection query={query} searchParams={params} />
    </ListPage>
  );
}
