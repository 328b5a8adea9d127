import { CardSkeleton } from '@/components/ui/skeleton';

export default function NewVmLoading() {
  return <CardSkeleton label="Loading datacenters, images and SSH keys…" lines={5} />;
}
