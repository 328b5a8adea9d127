import { CardSkeleton } from '@/components/ui/skeleton';

export default function NewIpLoading() {
  return <CardSkeleton label="Loading the form…" lines={4} />;
}
