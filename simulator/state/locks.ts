import type { OperationRec } from './types';

/**
 * The objects an unfinished operation keeps busy (reference §8.6 `locked` state, cause 67
 * CAUSE_PENDING): a second mutating call on one of them is refused until the operation ends,
 * instead of being queued behind it. Keys are `kind:id`.
 */
export function lockKeys(op: OperationRec): string[] {
  const keys: string[] = [];
  const add = (kind: string, id: unknown) => {
    if (typeof id === 'number') keys.push(`${kind}:${id}`);
  };
  switch (op.type) {
    case 'disk_attach':
    case 'disk_detach':
      add('vm', op.vmId);
      add('disk', op.diskId);
      break;
    case 'iface_attach':
    case 'iface_detach':
      add('vm', op.vmId);
      add('iface', op.ifaceId);
      break;
    case 'ip_update':
      add('ip', op.ipId);
      break;
    default:
      if (op.type.startsWith('vm_') || op.type === 'hosting_migration_vm') add('vm', op.vmId);
      else if (op.type.startsWith('disk_') || op.type === 'hosting_migration_disk')
        add('disk', op.diskId);
      else if (op.type.startsWith('iface_')) add('iface', op.ifaceId);
      else if (op.type.startsWith('vlan_')) add('vlan', op.params.vlan_id);
  }
  return keys;
}
