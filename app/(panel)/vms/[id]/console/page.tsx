import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConsoleCommand } from '@/components/console/console-command';
import { ConsoleWorkspace } from '@/components/console/console-workspace';
import { PrerequisiteList } from '@/components/console/prerequisite-list';
import { VmSubpageHeader } from '@/components/metrics/vm-subpage-header';
import { ErrorPanel } from '@/components/ui/error-panel';
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
      <ConsoleWorkspace
        vm={vm}
        canEnable={ipv4 !== null}
        pendingUpdateIds={pendingUpdateIds}
        prerequisites={<PrerequisiteList items={prerequisites} />}
        access={
          vm.console && command ? (
            <div className="space-y-2 text-sm">
              <p>Run this in a terminal, then log in as root with the VM&apos;s password:</p>
              <ConsoleCommand command={command} />
              <p className="text-zinc-600 dark:text-zinc-400">
                Type <kbd className="font-mono">~.</kbd> at the start of a line to leave the
                console.
              </p>
            </div>
          ) : vm.console ? (
            <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
              The console is enabled, but this VM has no public IPv4 address to reach it with.
            </p>
          ) : (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              Enable the console to get the command that connects to it.
            </p>
          )
        }
      />
    </>
  );
}
