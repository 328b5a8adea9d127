import type { Operation, OperationStep } from '@/lib/gandi/types';

/**
 * What the browser learns about an operation: its identity, progress and the resources it touches.
 * Deliberately not `params` (a vm_create's params can hold the root password) and never the key.
 */
export interface OperationEvent {
  id: number;
  type: string;
  step: OperationStep;
  /** Seconds left as the API estimates it; null when unknown. */
  eta: number | null;
  lastError: string | null;
  vmId: number | null;
  diskId: number | null;
  ifaceId: number | null;
  ipId: number | null;
  vlanId: number | null;
  /** ISO 8601 UTC instants. */
  dateCreated: string;
  dateUpdated: string;
  dateStart: string | null;
}

export const RUNNING_STEPS: readonly OperationStep[] = ['BILL', 'WAIT', 'RUN'];
/** Steps during which `operation.cancel` still takes effect (before the work starts). */
export const CANCELABLE_STEPS: readonly OperationStep[] = ['BILL', 'WAIT'];

export function isFinalStep(step: OperationStep): boolean {
  return !RUNNING_STEPS.includes(step);
}

export function toOperationEvent(op: Operation): OperationEvent {
  return {
    id: op.id,
    type: op.type,
    step: op.step,
    eta: op.eta,
    lastError: op.lastError,
    vmId: op.vmId,
    diskId: op.diskId,
    ifaceId: op.ifaceId,
    ipId: op.ipId,
    vlanId: op.vlanId,
    dateCreated: op.dateCreated.toISOString(),
    dateUpdated: op.dateUpdated.toISOString(),
    dateStart: op.dateStart ? op.dateStart.toISOString() : null,
  };
}

/** "vm_create" → "Create server", for lists and progress. */
export function describeOperationType(type: string): string {
  const known: Record<string, string> = {
    vm_create: 'Create server',
    vm_delete: 'Delete server',
    vm_start: 'Start server',
    vm_stop: 'Stop server',
    vm_reboot: 'Reboot server',
    vm_update: 'Update server',
    disk_create: 'Create disk',
    disk_delete: 'Delete disk',
    disk_update: 'Update disk',
    disk_attach: 'Attach disk',
    disk_detach: 'Detach disk',
    disk_rollback: 'Roll back disk',
    iface_create: 'Create network interface',
    iface_delete: 'Delete network interface',
    iface_update: 'Update network interface',
    iface_attach: 'Attach network interface',
    iface_detach: 'Detach network interface',
    ip_update: 'Update IP address',
    vlan_create: 'Create VLAN',
    vlan_delete: 'Delete VLAN',
    vlan_update: 'Update VLAN',
    rproxy_iaas_create: 'Create load balancer',
    rproxy_iaas_update: 'Update load balancer',
    rproxy_iaas_delete: 'Delete load balancer',
    rproxy_server_create: 'Add backend',
    rproxy_server_delete: 'Remove backend',
    rproxy_server_enable: 'Enable backend',
    rproxy_server_disable: 'Disable backend',
    rproxy_vhost_create: 'Add domain',
    rproxy_vhost_delete: 'Remove domain',
    rproxy_probe_update: 'Update probe',
    rproxy_probe_enable: 'Enable probe',
    rproxy_probe_disable: 'Disable probe',
    hosting_migration_vm: 'Migrate server',
    hosting_migration_disk: 'Migrate disk',
  };
  return known[type] ?? type.replace(/_/g, ' ');
}
