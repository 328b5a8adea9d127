import Link from 'next/link';
import type { Attachment } from '@/lib/dal/disks';

/** "web1, position 0 (system disk)" with a link to the VM. */
export function AttachmentText({ attachment }: { attachment: Attachment | null }) {
  if (!attachment) return <span className="text-zinc-500">Not attached</span>;
  const { vmId, hostname, position } = attachment;
  return (
    <span>
      <Link
        href={`/vms/${vmId}`}
        className="text-teal-800 underline-offset-2 hover:underline dark:text-teal-300"
      >
        {hostname}
      </Link>
      {position === null ? null : `, position ${position}${position === 0 ? ' (system disk)' : ''}`}
    </span>
  );
}
