import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConsoleCommand } from '@/components/console/console-command';
import { ConsoleToggle } from '@/components/console/console-toggle';
import { PrerequisiteList } from '@/components/console/prerequisite-list';
import { RootPasswordForm } from '@/components/console/root-password-form';
import { VmSubpageHeader } from '@/components/metrics/vm-subpage-header';
import { OperationProgress } from '@/components/operations/operation-progress';
import { Badge } from '@/components/ui/badge';
import { ErrorPanel } from '@/components/ui/error-panel';
import { DetailCard } from '@/components/vms/detail-card';
import { requireSession } from '@/lib/dal/auth';
import { getConsoleViewOrNotFound } from '@/lib/dal/console';
import { load } from '@/lib/dal/load';
import { idField } from '@/lib/validation/vm';

export const metadata: Metadata = { title: 'Emergency console' };

export default async function VmConsolePage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn } = await requireSession();
  const loaded = await load(() => getConsoleViewOrNotFound(conn, parsedId.data));
  if (!loaded.ok) return <ErrorPanel title="This VM could not load" message={loaded.message} />;
  const { vm, command, ipv4, prerequisites, pendingUpdateIds } = loaded.data;
  return (
    <>
      <VmSubpageHeader
        vm={vm}
        section="console"
        title="Emergency console"
        description="A serial console reached over SSH, for when the VM's own network or SSH server is down."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <DetailCard
            id="console-state"
            title="Console access"
            actions={
              <Badge tone={vm.console ? 'success' : 'neutral'}>
                {vm.console ? 'Enabled' : 'Disabled'}
              </Badge>
            }
          >
            <div className="space-y-4">
              {vm.console && command ? (
                <div className="space-y-2 text-sm">
                  <p>Run this in a terminal, then log in as root with the VM&apos;s password:</p>
                  <ConsoleCommand command={command} />
                  <p className="text-zinc-600 dark:text-zinc-400">
                    Type <kbd className="font-mono">~.</kbd> at the start of a line to leave the
                    console.
                  </p>
                </div>
              ) : null}
              {vm.console && !command ? (
                <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
                  The console is enabled, but this VM has no public IPv4 address to reach it with.
                </p>
              ) : null}
              {!vm.console ? (
                <p className="text-sm text-zinc-700 dark:text-zinc-300">
                  Enable the console to get the command that connects to it.
                </p>
              ) : null}
              {vm.isMigrating ? (
                <p className="text-sm text-amber-800 dark:text-amber-300">
                  This VM is being migrated: the console can be changed once the migration ends.
                </p>
              ) : (
                <ConsoleToggle vmId={vm.id} enabled={vm.console} canEnable={ipv4 !== null} />
              )}
              {pendingUpdateIds.length > 0 ? (
                <OperationProgress
                  key={pendingUpdateIds.join(',')}
                  ids={pendingUpdateIds}
                  title="Updates of this VM in progress"
                  refreshOnDone
                />
              ) : null}
            </div>
          </DetailCard>
        </div>
        <div className="space-y-4">
          <DetailCard id="console-prerequisites" title="Before you connect">
            <PrerequisiteList items={prerequisites} />
          </DetailCard>
          <DetailCard id="console-password" title="Root password">
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
              Set or replace the root password here if the VM was created with SSH keys only.
            </p>
            <RootPasswordForm vmId={vm.id} />
          </DetailCard>
        </div>
      </div>
    </>
  );
}
