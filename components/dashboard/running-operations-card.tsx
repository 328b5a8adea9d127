import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { ErrorPanel } from '@/components/ui/error-panel';
import { RunningOperations } from '@/components/operations/running-operations';
import { load } from '@/lib/dal/load';
import { listRunningOperations } from '@/lib/dal/operations';
import type { GandiConnection } from '@/lib/gandi';

export async function RunningOperationsCard({ conn }: { conn: GandiConnection }) {
  const result = await load(() => listRunningOperations(conn));
  if (!result.ok) return <ErrorPanel title="Operations unavailable" message={result.message} />;
  return (
    <Card
      title="Operations running now"
      actions={
        <Link href="/operations" className="text-sm underline underline-offset-2">
          All operations
        </Link>
      }
    >
      <RunningOperations initial={result.data} />
    </Card>
  );
}
