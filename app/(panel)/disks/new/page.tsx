import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
import { DiskCreateForm } from '@/components/disks/disk-create-form';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/dal/auth';
import { getDiskCreateChoices } from '@/lib/dal/disks';
import { load } from '@/lib/dal/load';

export const metadata: Metadata = { title: 'Create a disk' };

export default async function NewDiskPage() {
  const { conn } = await requireSession();
  const loaded = await load(() => getDiskCreateChoices(conn));
  return (
    <>
      <Breadcrumb trail={[{ href: '/disks', label: 'Disks' }]} />
      <PageHeader
        title="Create a disk"
        description="An empty data disk, a copy of one of your disks, or a disk made from an image."
      />
      {loaded.ok ? (
        <DiskCreateForm choices={loaded.data} />
      ) : (
        <ErrorPanel title="The form could not load" message={loaded.message} />
      )}
    </>
  );
}
