import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { ListPage } from '@/components/ui/list-page';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { vmListQuerySchema } from '@/lib/validation/vm';
import { VmListSection } from './vm-list-section';

export const metadata: Metadata = { title: 'Virtual machines' };

export default async function VmsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const params = await searchParams;
  const query = vmListQuerySchema.parse(params);
  return (
    <ListPage
      title="Virtual machines"
      description="Filtered, sorted and paged by the API, so the list stays fast for any number of VMs."
      actions={
        <Link href="/vms/new" className={buttonClasses('primary')}>
          Create VM
        </Link>
      }
      query={query}
      loadingLabel="Loading VMs…"
    >
      <VmListSection query={query} searchParams={params} />
    </ListPage>
  );
}
