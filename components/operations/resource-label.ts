/** Names of the resources operations touch, by id (plain objects: they cross to the browser). */
export interface ResourceNames {
  vms?: Readonly<Record<number, string>>;
  disks?: Readonly<Record<number, string>>;
  ifaces?: Readonly<Record<number, string>>;
}

interface OperationResources {
  type: string;
  vmId: number | null;
  diskId: number | null;
  ifaceId: number | null;
  vlanId: number | null;
}

export interface ResourceLabel {
  /** Null where the resource has no page any more (a deleted VM). */
  href: string | null;
  label: string;
}

/**
 * What an operation is about, by name where the page knows it ("web-1", "data-disk"), else by
 * kind and id ("server 350003"). The operation's own kind comes first: a disk_attach names the
 * disk (its VM is the page it is shown on, or its second subject).
 */
export function operationResource(
  op: OperationResources,
  names: ResourceNames = {},
): ResourceLabel | null {
  const kind = op.type.split('_')[0];
  const disk = (id: number): ResourceLabel => ({
    href: op.type === 'disk_delete' ? null : `/disks/${id}`,
    label: names.disks?.[id] ?? `disk ${id}`,
  });
  const iface = (id: number): ResourceLabel => ({
    href: op.type === 'iface_delete' ? null : `/network/interfaces/${id}`,
    label: names.ifaces?.[id] ?? `interface ${id}`,
  });
  const vm = (id: number): ResourceLabel => ({
    href: op.type === 'vm_delete' ? null : `/vms/${id}`,
    label: names.vms?.[id] ?? `server ${id}`,
  });
  if (kind === 'disk' && op.diskId !== null) return disk(op.diskId);
  if ((kind === 'iface' || kind === 'ip') && op.ifaceId !== null) return iface(op.ifaceId);
  if (op.vmId !== null) return vm(op.vmId);
  if (op.diskId !== null) return disk(op.diskId);
  if (op.ifaceId !== null) return iface(op.ifaceId);
  if (op.vlanId !== null)
    return { href: `/network/vlans/${op.vlanId}`, label: `VLAN ${op.vlanId}` };
  return null;
}
