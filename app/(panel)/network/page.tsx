import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { ListPage } from '@/components/ui/list-page';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { ipListQuerySchema } from '@/lib/validation/network';
import { IpListSection } from './ip-list-section';

export const metadata: Metadata = { title: 'IP addresses' };

export default async function NetworkPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const params = await searchParams;
  const query = ipListQuerySchema.parse(params);
  return (
    <ListPage
      title="IP addresses"
      description="Every public and private address of the account, with its interface and VM. Filtered and paged by the API."
      actions={
        <>
          <Link href="/network/vlans" className={buttonClasses('secondary')}>
            Private VLANs
          </Link>
          <Link href="/network/new" className={buttonClasses('primary')}>
            Create public IP
          </Link>
        </>
      }
      query={query}
      loadingLabel="Loading IP addresses…"
      columns={7}
    >
      <IpListSection query={query} searchParams={params} />
    </ListPage>
  );
}
