import 'server-only';
import { notFound } from 'next/navigation';
import { ActionError } from '@/lib/action';
import { GandiError, operationList, vmInfo, vmUpdate, type GandiConnection } from '@/lib/gandi';
import type { Id } from '@/lib/gandi/types';
import {
  consoleCommand,
  consoleHost,
  consolePrerequisites,
  publicIpv4,
  type Prerequisite,
} from '@/lib/validation/console';
import type { StartedOperations } from './vm-mutations';

/** Everything the console page shows; nothing here carries the key or a password. */
export interface ConsoleView {
  vm: { id: Id; hostname: string; state: string; console: boolean; isMigrating: boolean };
  /** `ssh <ipv4>@<host>`, when the VM has a public IPv4 and the host is usable. */
  command: string | null;
  host: string | null;
  ipv4: string | null;
  prerequisites: Prerequisite[];
  /** `vm_update` operations of this VM not settled yet (a toggle or password in flight). */
  pendingUpdateIds: Id[];
}

export async function getConsoleViewOrNotFound(
  conn: GandiConnection,
  vmId: Id,
): Promise<ConsoleView> {
  try {
    const [vm, pending] = await Promise.all([
      vmInfo(conn, vmId),
      operationList(conn, { vm_id: vmId, type: 'vm_update', step: ['BILL', 'WAIT', 'RUN'] }),
    ]);
    const ipv4 = publicIpv4(vm.ifaces);
    return {
      vm: {
        id: vm.id,
        hostname: vm.hostname,
        state: vm.state,
        console: vm.console,
        isMigrating: vm.isMigrating,
      },
      command: consoleCommand(ipv4, vm.consoleUrl),
      host: consoleHost(vm.consoleUrl),
      ipv4,
      prerequisites: consolePrerequisites(vm.ifaces),
      pendingUpdateIds: pending.map((op) => op.id),
    };
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') notFound();
    throw err;
  }
}

/**
 * `hosting.vm.update {console}`. Checked against the VM as it is now: enabling is refused when
 * no public IPv4 exists (the console finds the VM by it), and asking for the current state is
 * refused rather than sent as a no-op update.
 */
export interface ConsoleChange extends StartedOperations {
  /** What was asked, so the page can title the progress whatever state it renders next. */
  enabling: boolean;
}

export async function setConsole(
  conn: GandiConnection,
  vmId: Id,
  enable: boolean,
): Promise<ConsoleChange> {
  const vm = await vmInfo(conn, vmId);
  if (vm.console === enable) {
    throw new ActionError(`The console is already ${enable ? 'enabled' : 'disabled'}.`);
  }
  if (enable && !publicIpv4(vm.ifaces)) {
    throw new ActionError(
      'This VM has no public IPv4 address, which the console needs to find it. Attach one first.',
    );
  }
  const op = await vmUpdate(conn, vmId, { console: enable });
  return { enabling: enable, operations: [{ id: op.id, type: op.type }] };
}

/** `hosting.vm.update {password}`: the root password the console logs in with. */
export async function setRootPassword(
  conn: GandiConnection,
  vmId: Id,
  password: string,
): Promise<StartedOperations> {
  const op = await vmUpdate(conn, vmId, { password });
  return { operations: [{ id: op.id, type: op.type }] };
}
