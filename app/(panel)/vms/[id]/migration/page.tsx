import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VmSubpageHeader } from '@/components/metrics/vm-subpage-header';
import { FinalizeMigration, StartMigration } from '@/components/migration/migration-actions';
import { PagePoller } from '@/components/ui/page-poller';
import { MigrationSteps } from '@/components/migration/migration-steps';
import { OperationProgress } from '@/components/operations/operation-progress';
import { Badge } from '@/components/ui/badge';
import { ErrorPanel } from '@/components/ui/error-panel';
import { DefinitionList, DetailCard } from '@/components/vms/detail-card';
import { formatDateTime } from '@/components/vms/format';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import {
  getMigrationViewOrNotFound,
  type DatacenterLabel,
  type MigrationStatus,
} from '@/lib/dal/migration';
import { canFinalize } from '@/lib/validation/migration';
import { idField } from '@/lib/validation/vm';

export const metadata: Metadata = { title: 'VM migration' };

function dcText(dc: DatacenterLabel | null): string {
  if (!dc) return 'an unknown datacenter';
  return dc.name === dc.code ? dc.code : `${dc.code} (${dc.name})`;
}

const SETTLED = ['done', 'failed', 'cancelled'];

export default async function VmMigrationPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn } = await requireSession();
  const loaded = await load(() => getMigrationViewOrNotFound(conn, parsedId.data));
  if (!loaded.ok) return <ErrorPanel title="This VM could not load" message={loaded.message} />;
  const { vm, datacenter, targets, refusal, migration } = loaded.data;
  const running = migration !== null && !SETTLED.includes(migration.phase);
  const targetText = targets.map(dcText).join(' or ') || 'another datacenter';

  return (
    <>
      <VmSubpageHeader
        vm={vm}
        section="migration"
        title="Migration"
        description="Move this VM to another datacenter: its disks are copied first, then you finalize the switch-over."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailCard id="migration-check" title="Can this VM move?">
          <DefinitionList
            items={[
              ['Now in', dcText(datacenter)],
              [
                'Can move to',
                targets.length > 0 ? (
                  <ul>
                    {targets.map((target) => (
                      <li key={target.code}>{dcText(target)}</li>
                    ))}
                  </ul>
                ) : (
                  'No datacenter'
                ),
              ],
            ]}
          />
          <div className="mt-4">
            {refusal ? (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">{refusal}</p>
            ) : (
              <StartMigration vmId={vm.id} hostname={vm.hostname} targets={targetText} />
            )}
          </div>
        </DetailCard>
        {migration ? (
          <MigrationCard vm={vm} migration={migration} running={running} />
        ) : (
          <DetailCard id="migration-status" title="Migration">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              This VM has never been migrated.
            </p>
          </DetailCard>
        )}
      </div>
    </>
  );
}

function MigrationCard({
  vm,
  migration,
  running,
}: {
  vm: { id: number; hostname: string };
  migration: MigrationStatus;
  running: boolean;
}) {
  const { phase } = migration;
  return (
    <DetailCard
      id="migration-status"
      title={running ? 'Migration in progress' : 'Last migration'}
      actions={
        <Badge
          tone={
            phase === 'done'
              ? 'success'
              : phase === 'failed'
                ? 'danger'
                : phase === 'ready-to-finalize'
                  ? 'warning'
                  : phase === 'cancelled'
                    ? 'neutral'
                    : 'info'
          }
        >
          {PHASE_LABEL[phase]}
        </Badge>
      }
    >
      <div className="space-y-4">
        <p className="text-sm">
          From {dcText(migration.from)} to {dcText(migration.to)}, started{' '}
          {formatDateTime(new Date(migration.dateCreated))}.
        </p>
        {phase === 'failed' || phase === 'cancelled' ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {phase === 'failed'
              ? `The migration failed${migration.lastError ? `: ${migration.lastError}` : '.'}`
              : 'The migration was cancelled.'}
          </p>
        ) : (
          <MigrationSteps phase={phase} />
        )}
        {canFinalize(phase) ? (
          <FinalizeMigration
            vmId={vm.id}
            hostname={vm.hostname}
            operationId={migration.operationId}
            target={dcText(migration.to)}
          />
        ) : null}
        {running ? (
          <>
            <OperationProgress
              key={migration.operationId}
              ids={[migration.operationId]}
              title="Migration operation"
              refreshOnDone
            />
            {/* Restart the back-off at each phase: the next change is likely soon after. */}
            {phase !== 'ready-to-finalize' ? <PagePoller key={phase} /> : null}
          </>
        ) : null}
      </div>
    </DetailCard>
  );
}

const PHASE_LABEL: Record<MigrationStatus['phase'], string> = {
  copying: 'Copying',
  'ready-to-finalize': 'Ready to finalize',
  finalizing: 'Finalizing',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
