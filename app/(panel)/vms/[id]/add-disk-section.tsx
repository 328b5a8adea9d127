import { VmAddDisk, type HubVm } from '@/components/vms/vm-add-disk';
import { ErrorPanel } from '@/components/ui/error-panel';
import { load } from '@/lib/dal/load';
import { listFreeDisks } from '@/lib/dal/vm-hub';
import type { GandiConnection } from '@/lib/gandi';

/** Streams in after the VM page's first paint: the free disks need a list call of their own. */
export async function AddDiskSection({ conn, vm }: { conn: GandiConnection; vm: HubVm }) {
  const loaded = await load(() => listFreeDisks(conn, vm.datacenterId));
  if (!loaded.ok)
    return <ErrorPanel title="The disks to attach could not load" message={loaded.message} />;
  return <VmAddDisk vm={vm} freeDisks={loaded.data} />;
}
