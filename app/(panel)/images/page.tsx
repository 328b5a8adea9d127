import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ImageFilterForm } from '@/components/images/image-filter-form';
import { ImageTable } from '@/components/images/image-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { requireSession } from '@/lib/dal/auth';
import { listDatacenters, listImages } from '@/lib/dal/catalog';
import { load } from '@/lib/dal/load';
import { imageFacets, parseImageFilters } from '@/lib/validation/image-filters';

export const metadata: Metadata = { title: 'Images' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ImagesPage({ searchParams }: { searchParams: SearchParams }) {
  const { conn } = await requireSession();
  const filters = parseImageFilters(await searchParams);
  // The facets (families, architectures) come from every image, so choices do not vanish as you filter.
  const [datacenters, allImages] = await Promise.all([
    load(() => listDatacenters(conn)),
    load(() => listImages(conn)),
  ]);
  if (!datacenters.ok || !allImages.ok) {
    const message = !datacenters.ok ? datacenters.message : !allImages.ok ? allImages.message : '';
    return (
      <>
        <PageHeader title="Images" />
        <ErrorPanel title="Images unavailable" message={message} />
      </>
    );
  }
  const facets = imageFacets(allImages.data);
  return (
    <>
      <PageHeader
        title="Images"
        description="Operating system images to create servers from, per datacenter."
      />
      <ImageFilterForm
        filters={filters}
        datacenters={datacenters.data.map((dc) => ({
          value: String(dc.id),
          label: `${dc.name} (${dc.dcCode ?? dc.iso})`,
        }))}
        systems={facets.systems}
        arches={facets.arches}
      />
      <Suspense key={JSON.stringify(filters)} fallback={<TableSkeleton label="Loading images…" />}>
        <ImageTable conn={conn} filters={filters} datacenters={datacenters.data} />
      </Suspense>
    </>
  );
}
