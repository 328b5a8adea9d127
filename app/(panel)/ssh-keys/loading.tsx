import { TableSkeleton } from '@/components/ui/skeleton';

export default function SshKeysLoading() {
  return <TableSkeleton label="Loading SSH keys…" columns={3} />;
}
