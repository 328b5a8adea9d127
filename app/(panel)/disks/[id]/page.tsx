import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RecentOperations } from '@/components/operations/recent-operations';
import { DiskSummary } from '@/components/disks/disk-summary';
import { DiskStateBadge, DiskTypeBadge } from '@/components/disks/disk-type-badge';
import type { DiskView, SnapshotView } from '@/components/disks/disk-view';
import { DiskWorkspace } from '@/components/disks/disk-workspace';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { formatDateTime, formatMemory } from '@/components/vms/format';
import { requireSession } from '@/lib/dal/auth';
import { datacenterLabel, getDiskDetail, type DiskDetail } from '@/lib/dal/disks';
import { load } from '@/lib/dal/load';
import { GandiError } from '@/lib/gandi';
import { diskIdField, formatCmdline } from '@/lib/validation/disk';

export const metadata: Metadata = { title: 'Disk' };

function toView(detail: DiskDetail): DiskView {
  const { disk, datacenter, datacenters, attachment } = detail;
  return {
    id: disk.id,
    name: disk.name,
    sizeMb: disk.size,
    type: disk.type,
    state: disk.state,
    datacenterId: disk.datacenterId,
    datacenterName: datacenter ? (datacenter.dcCode ?? datacenter.name) : `#${disk.datacenterId}`,
    canSnapshot: disk.canSnapshot,
    snapshotIds: disk.snapshotIds,
    vmIds: disk.vmIds,
    attachment,
    kernel: disk.kernelVersion,
    isDataDisk: !disk.isBootDisk && disk.kernelVersion === null,
    cmdline: formatCmdline(disk.kernelCmdline),
    snapshotProfileId: disk.snapshotProfileId,
    isMigrating: disk.isMigrating,
    migrationTargets: (datacenter?.canMigrateTo ?? []).map((id) => ({
      id,
      label: datacenterLabel(datacenters, id),
    })),
  };
}

export default async function DiskPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = diskIdField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn } = await requireSession();
  // notFound() thrown inside passes through load() (it rethrows Next's own control flow).
  const loaded = await load(() =>
    getDiskDetail(conn, parsedId.data).catch((err: unknown) => {
      if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') notFound();
      throw err;
    }),
  );
  if (!loaded.ok) return <ErrorPanel title="This disk could not load" message={loaded.message} />;
  const detail = loaded.data;
  const { disk } = detail;
  const snapshots: SnapshotView[] = detail.snapshots.map((snapshot) => ({
    id: snapshot.id,
    name: snapshot.name,
    sizeMb: snapshot.size,
    state: snapshot.state,
    created: formatDateTime(snapshot.dateCreated),
  }));
  return (
    <>
      <Breadcrumb trail={[{ href: '/disks', label: 'Disks' }]} />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3 break-all">
            {disk.name} <DiskTypeBadge type={disk.type} />
            {disk.state !== 'created' ? <DiskStateBadge state={disk.state} /> : null}
          </span>
        }
        description={`${formatMemory(disk.size)} in ${toView(detail).datacenterName}`}
      />
      <div className="space-y-4">
        <DiskSummary detail={detail} />
        <DiskWorkspace
          disk={toView(detail)}
          snapshots={snapshots}
          vms={detail.vms}
          kernels={detail.kernels}
          profiles={detail.profiles}
          runningOperationIds={detail.runningOperationIds}
        />
        <RecentOperations
          operations={detail.operations}
          subject="this disk"
          names={{
            disks: { [disk.id]: disk.name },
            vms: detail.attachment ? { [detail.attachment.vmId]: detail.attachment.hostname } : {},
          }}
        />
      </div>
    </>
  );
}
