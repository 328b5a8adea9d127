import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { vlanListQuerySchema } from '@/lib/validation/vlan';
import { VlanListSection } from './vlan-list-section';

export const metadata: Metadata = { title: 'Private VLANs' };

export default async function VlansPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const params = await searchParams;
  const query = vlanListQuerySchema.parse(params);
  return (
    <>
      <Breadcrumb trail={[{ href: '/network', label: 'IP addresses' }]} />
      <PageHeader
        title="Private VLANs"
        description="Private networks between your VMs of one datacenter, with addresses from a subnet you choose."
      />
      <Suspense key={query.page} fallback={<TableSkeleton label="Loading VLANs…" columns={5} />}>
        <VlanListSection page={query.page} searchParams={params} />
      </Suspense>
    </>
  );
}
