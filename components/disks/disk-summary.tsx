import { textLinkClasses } from '@/components/ui/text-link';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DefinitionList, DetailCard } from '@/components/vms/detail-card';
import { formatDateTime, formatMemory } from '@/components/vms/format';
import type { DiskDetail } from '@/lib/dal/disks';
import { formatCmdline } from '@/lib/validation/disk';
import { AttachmentText } from './attachment-text';
import { DiskStateBadge, DiskTypeBadge } from './disk-type-badge';
import { describeProfile } from './snapshot-profile-options';

export function DiskSummary({ detail }: { detail: DiskDetail }) {
  const { disk, datacenter, attachment, origin, profiles } = detail;
  const profile =
    disk.snapshotProfile ?? profiles.find((p) => p.id === disk.snapshotProfileId) ?? null;
  const cmdline = formatCmdline(disk.kernelCmdline);
  return (
    <DetailCard id="disk-summary" title="Summary">
      <DefinitionList
        items={[
          ['Type', <DiskTypeBadge key="type" type={disk.type} />],
          ['State', <DiskStateBadge key="state" state={disk.state} />],
          ['Size', formatMemory(disk.size)],
          ...(disk.totalSize !== null && disk.totalSize !== disk.size
            ? ([['With snapshots', formatMemory(disk.totalSize)]] as [string, string][])
            : []),
          [
            'Datacenter',
            datacenter
              ? `${datacenter.dcCode ?? ''} ${datacenter.name}`.trim()
              : `#${disk.datacenterId}`,
          ],
          ['Attached to', <AttachmentText key="attachment" attachment={attachment} />],
          ['Kernel', disk.kernelVersion ?? '—'],
          ['Command line', cmdline ? <code key="cmdline">{cmdline}</code> : '—'],
          [
            'Automatic snapshots',
            profile ? `${profile.name}: ${describeProfile(profile)}` : 'None',
          ],
          ...(origin
            ? ([
                [
                  disk.type === 'snapshot' ? 'Snapshot of' : 'Copied from',
                  <Link key="origin" href={`/disks/${origin.id}`} className={textLinkClasses}>
                    {origin.name}
                  </Link>,
                ],
              ] as [string, ReactNode][])
            : []),
          ...(disk.label ? ([['Image', disk.label]] as [string, string][]) : []),
          ['Created', formatDateTime(disk.dateCreated)],
          ['ID', String(disk.id)],
        ]}
      />
    </DetailCard>
  );
}
