import type { MethodDef } from './context';
import { DISK_METHODS } from './disk';
import { GENERAL_METHODS } from './general';
import { METRIC_METHODS } from './metric';
import { NETWORK_METHODS } from './network';
import { OPERATION_METHODS } from './operation';
import { RPROXY_CORE_METHODS } from './rproxy';
import { RPROXY_PART_METHODS } from './rproxy-parts';
import { VLAN_SSH_METHODS } from './vlan-ssh';
import { VM_METHODS } from './vm';
import { VM_ACTION_METHODS } from './vm-actions';

const API_METHODS: Record<string, MethodDef> = {
  ...GENERAL_METHODS,
  ...OPERATION_METHODS,
  ...VM_METHODS,
  ...VM_ACTION_METHODS,
  ...DISK_METHODS,
  ...NETWORK_METHODS,
  ...VLAN_SSH_METHODS,
  ...METRIC_METHODS,
  ...RPROXY_CORE_METHODS,
  ...RPROXY_PART_METHODS,
};

/** Every method the simulator answers, `system.*` introspection included. */
export const METHODS = new Map<string, MethodDef>(Object.entries(API_METHODS));

METHODS.set('system.listMethods', {
  noAuth: true,
  handler: () => [...METHODS.keys()].sort(),
});
METHODS.set('system.methodHelp', {
  noAuth: true,
  handler: (ctx) => {
    const name = ctx.args[0];
    return typeof name === 'string' && METHODS.has(name)
      ? `${name}: see the Gandi Hosting API reference`
      : '';
  },
});
METHODS.set('system.methodSignature', { noAuth: true, handler: () => 'signatures not supported' });
