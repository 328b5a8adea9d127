import { expectArity, int, num, onlyKeys, required, str, struct } from '../args';
import { dataFault } from '../faults';
import { createOperation } from '../state/operations';
import { API_DEFAULT_BANDWIDTH, ipv4ToInt, newIface } from '../state/provision';
import type { IfaceRec } from '../state/types';
import { ifaceView, ipView, shortOperationView } from '../views';
import {
  openDatacenter,
  owned,
  ownedIdle,
  requireCredits,
  sameDatacenter,
  type CallContext,
  type MethodDef,
} from './context';
import { DATE, ID, INT, listAndCount, ownedInfo, STR } from './listing';
import { bandwidthValue, ipVersionValue } from './vm-spec';
import type { ListSpec } from '../filters';
import type { XmlParam } from '../xmlrpc/values';

/** hosting.iface.* and hosting.ip.* (reference §10, §11). */

const IFACE_SPEC: ListSpec = {
  id: ID,
  type: STR,
  state: STR,
  vm_id: ID,
  num: INT,
  datacenter_id: ID,
  date_created: DATE,
  date_updated: DATE,
  vlan: {
    type: 'string',
    get: (i) => (i.vlan as { name?: string } | null)?.name ?? null,
    sortable: false,
  },
  vlan_id: {
    type: 'int',
    get: (i) => (i.vlan as { id?: number } | null)?.id ?? null,
    sortable: false,
  },
};

const ifaces = listAndCount(IFACE_SPEC, (ctx) =>
  ctx.sim.store.owned('iface', ctx.account.id).map((i) => ifaceView(ctx.sim, i, false)),
);

export function subnetContains(subnet: string, ip: string): boolean {
  const [base = '', bits = '32'] = subnet.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = ipv4ToInt(base);
  const n = ipv4ToInt(ip);
  return n > start && n < start + size - 1;
}

export const IPV4_RE = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

const createIface = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  requireCredits(ctx);
  const spec = struct(ctx.args[0], 'iface_spec');
  onlyKeys(spec, ['datacenter_id', 'ip_version', 'bandwidth', 'vlan', 'ip'], 'iface_spec');
  const dc = openDatacenter(ctx, required(spec, 'datacenter_id', 'iface_spec'), 'datacenter_id');
  const bandwidth =
    spec.bandwidth === undefined ? API_DEFAULT_BANDWIDTH : bandwidthValue(spec.bandwidth);
  let vlanId: number | null = null;
  let privateIp: string | null = null;
  let ipVersion: 4 | 6;
  if (spec.vlan !== undefined && spec.vlan !== null) {
    const vlan = owned(ctx, 'vlan', spec.vlan, 'vlan');
    sameDatacenter('OBJECT_VLAN', 'The VLAN and the iface', vlan.datacenterId, dc.id);
    ipVersion = spec.ip_version === undefined ? 4 : ipVersionValue(spec.ip_version);
    if (ipVersion !== 4)
      throw dataFault('OBJECT_IP', 'CAUSE_IP_VERSION_MISMATCH', 'A private iface is IPv4 only');
    if (spec.ip !== undefined) {
      privateIp = str(spec.ip, 'ip');
      if (!IPV4_RE.test(privateIp) || !subnetContains(vlan.subnet, privateIp)) {
        throw dataFault(
          'OBJECT_IP',
          'CAUSE_BADPARAMETER',
          `ip: '${privateIp}' is not a host address of ${vlan.subnet}`,
        );
      }
      for (const ip of ctx.sim.store.tables.ip.values()) {
        const iface = ctx.sim.store.get('iface', ip.ifaceId);
        if (ip.ip === privateIp && iface?.vlanId === vlan.id)
          throw dataFault('OBJECT_IP', 'CAUSE_EXIST', `ip: '${privateIp}' is already used`);
      }
    }
    vlanId = vlan.id;
  } else {
    if (spec.ip !== undefined)
      throw dataFault('OBJECT_IP', 'CAUSE_BADPARAMETER', 'ip: only for a private (vlan) iface');
    ipVersion = ipVersionValue(required(spec, 'ip_version', 'iface_spec'));
  }
  const { iface, ips } = newIface(ctx.sim, ctx.account.id, {
    datacenterId: dc.id,
    type: vlanId === null ? 'public' : 'private',
    bandwidth,
    ipVersion,
    vlanId,
    ready: false,
  });
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type: 'iface_create',
    ifaceId: iface.id,
    ipId: ips[0]?.id ?? null,
    params: { iface_id: iface.id, ip_id: ips[0]?.id ?? null },
    effectData: { ip: privateIp },
    created: [{ kind: 'iface', id: iface.id }],
  });
  return shortOperationView(op, ctx.account.handle);
};

function ifaceOp(
  ctx: CallContext,
  iface: IfaceRec,
  type: string,
  extra: Partial<Parameters<typeof createOperation>[1]> = {},
) {
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type,
    ifaceId: iface.id,
    vmId: iface.vmId,
    params: { iface_id: iface.id },
    ...extra,
  });
  return shortOperationView(op, ctx.account.handle);
}

function requireReadyIface(iface: IfaceRec): void {
  if (iface.state === 'being_created')
    throw dataFault('OBJECT_IFACE', 'CAUSE_STATE', `Iface ${iface.id} is being created`);
}

const updateIface = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const iface = ownedIdle(ctx, 'iface', ctx.args[0], 'iface_id');
  const spec = struct(ctx.args[1], 'iface_spec');
  onlyKeys(spec, ['bandwidth'], 'iface_spec');
  const bandwidth = bandwidthValue(required(spec, 'bandwidth', 'iface_spec'));
  requireReadyIface(iface);
  return ifaceOp(ctx, iface, 'iface_update', {
    params: { iface_id: iface.id, bandwidth: num(bandwidth, 'bandwidth') },
    effectData: { bandwidth },
  });
};

const deleteIface = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const iface = ownedIdle(ctx, 'iface', ctx.args[0], 'iface_id');
  if (iface.vmId !== null)
    throw dataFault(
      'OBJECT_IFACE',
      'CAUSE_ATTACHED',
      `Iface ${iface.id} is attached to VM ${iface.vmId}: detach it first`,
    );
  requireReadyIface(iface);
  return ifaceOp(ctx, iface, 'iface_delete');
};

function ipVersionFilter(value: XmlParam, key: string): number {
  if (typeof value === 'string' && /^\d{1,2}$/.test(value.trim())) return Number(value.trim());
  return int(value, key);
}

/** IP list/count; `vm_hostname` filters need the VM, so this spec is built per call. */
const ipSpec = (ctx: CallContext): ListSpec => {
  const hostname = (item: { vm_id?: unknown }) => {
    const vm = typeof item.vm_id === 'number' ? ctx.sim.store.get('vm', item.vm_id) : undefined;
    return vm?.hostname ?? null;
  };
  return {
    id: ID,
    ip: STR,
    // The documented type of the `version` filter is a string ('4'); clients send the int (§11).
    version: { type: 'int', accept: ipVersionFilter },
    num: INT,
    state: STR,
    reverse: STR,
    iface_id: ID,
    datacenter_id: ID,
    vm_id: ID,
    type: STR,
    date_created: DATE,
    date_updated: DATE,
    vm_hostname: { type: 'string', get: hostname, sortable: false },
  };
};

const ips = listAndCount(ipSpec, (ctx) =>
  ctx.sim.store
    .owned('ip', ctx.account.id)
    .map((ip) => ipView(ip, ctx.sim.store.get('iface', ip.ifaceId))),
);

const updateIp = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const ip = ownedIdle(ctx, 'ip', ctx.args[0], 'ip_id');
  const spec = struct(ctx.args[1], 'ip_spec');
  onlyKeys(spec, ['reverse'], 'ip_spec');
  const reverse = str(required(spec, 'reverse', 'ip_spec'), 'reverse');
  if (reverse.length > 255 || (reverse !== '' && !/^[a-zA-Z0-9.-]+\.?$/.test(reverse))) {
    throw dataFault(
      'OBJECT_IP',
      'CAUSE_BADPARAMETER',
      `reverse: '${reverse.slice(0, 64)}' is not a host name`,
    );
  }
  if (ip.state !== 'created')
    throw dataFault('OBJECT_IP', 'CAUSE_STATE', `IP ${ip.id} is not ready (${ip.state})`);
  const iface = ctx.sim.store.get('iface', ip.ifaceId);
  if (iface?.type === 'private')
    throw dataFault('OBJECT_IP', 'CAUSE_BADPARAMETER', 'A private IP has no reverse');
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type: 'ip_update',
    ipId: ip.id,
    ifaceId: ip.ifaceId,
    vmId: iface?.vmId ?? null,
    params: { ip_id: ip.id, reverse },
    effectData: { reverse },
  });
  return shortOperationView(op, ctx.account.handle);
};

export const NETWORK_METHODS: Record<string, MethodDef> = {
  'hosting.iface.list': ifaces.list,
  'hosting.iface.count': ifaces.count,
  'hosting.iface.info': ownedInfo('iface', 'iface_id', (iface, ctx) =>
    ifaceView(ctx.sim, iface, true),
  ),
  'hosting.iface.create': { handler: createIface },
  'hosting.iface.update': { handler: updateIface },
  'hosting.iface.delete': { handler: deleteIface },
  'hosting.ip.list': ips.list,
  'hosting.ip.count': ips.count,
  'hosting.ip.info': ownedInfo('ip', 'ip_id', (ip, ctx) =>
    ipView(ip, ctx.sim.store.get('iface', ip.ifaceId)),
  ),
  'hosting.ip.update': { handler: updateIp },
};
