import { CardSkeleton } from '@/components/ui/skeleton';

export default function NewDiskLoading() {
  return <CardSkeleton label="Loading the form…" lines={5} />;
}
