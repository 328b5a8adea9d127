import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Table, Td, Th } from '@/components/ui/table';
import { listImages } from '@/lib/dal/catalog';
import { formatSize } from '@/lib/format-size';
import { formatUtcDate } from '@/lib/dal/datacenter-status';
import { load } from '@/lib/dal/load';
import type { Datacenter, GandiConnection } from '@/lib/gandi';
import { filterImages, isDeprecatedImage, type ImageFilters } from '@/lib/validation/image-filters';

/** The filtered images: the datacenter filter is the API's (`datacenter_id`), the rest is local. */
export async function ImageTable({
  conn,
  filters,
  datacenters,
}: {
  conn: GandiConnection;
  filters: ImageFilters;
  datacenters: Datacenter[];
}) {
  const result = await load(() => listImages(conn, filters.dc));
  if (!result.ok) return <ErrorPanel title="Images unavailable" message={result.message} />;
  const images = filterImages(result.data, filters);
  const dcName = new Map(datacenters.map((dc) => [dc.id, dc.dcCode ?? dc.name]));
  if (images.length === 0) {
    return (
      <EmptyState
        title="No image matches these filters"
        description={
          filters.deprecated
            ? 'Try another datacenter or a shorter label.'
            : 'Try other filters, or show deprecated images too.'
        }
      />
    );
  }
  return (
    <>
      <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" role="status">
        {images.length} image{images.length === 1 ? '' : 's'}
      </p>
      <Table caption="Images">
        <thead>
          <tr>
            <Th>Label</Th>
            <Th>OS family</Th>
            <Th>Architecture</Th>
            <Th>Datacenter</Th>
            <Th>Size</Th>
            <Th>Created</Th>
          </tr>
        </thead>
        <tbody>
          {images.map((image) => (
            <tr key={image.id}>
              <Td className="font-medium">
                {image.label}{' '}
                {isDeprecatedImage(image) ? <Badge tone="warning">Deprecated</Badge> : null}
                <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                  {image.kernelVersion ?? ''}
                </span>
              </Td>
              <Td>
                {image.system ?? 'Other'} {image.version ?? ''}
              </Td>
              <Td className="font-mono">{image.osArch}</Td>
              <Td className="font-mono">{dcName.get(image.datacenterId) ?? image.datacenterId}</Td>
              <Td className="tabular-nums">{image.size === null ? '—' : formatSize(image.size)}</Td>
              <Td>{image.dateCreated ? formatUtcDate(image.dateCreated) : '—'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
