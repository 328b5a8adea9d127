import { textLinkClasses } from '@/components/ui/text-link';
import Link from 'next/link';
import type { Attachment } from '@/lib/dal/disks';

/** "web1, position 0 (system disk)" with a link to the VM. */
export function AttachmentText({ attachment }: { attachment: Attachment | null }) {
  if (!attachment) return <span className="text-zinc-600 dark:text-zinc-400">Not attached</span>;
  const { vmId, hostname, position } = attachment;
  return (
    <span>
      <Link href={`/vms/${vmId}`} className={textLinkClasses}>
        {hostname}
      </Link>
      {position === null ? null : `, position ${position}${position === 0 ? ' (system disk)' : ''}`}
    </span>
  );
}
