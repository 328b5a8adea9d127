import { expectArity, onlyKeys, required, str, struct } from '../args';
import { dataFault } from '../faults';
import { DATACENTER_BY_ID } from '../state/catalog';
import { entityId, hash32, md5Fingerprint } from '../state/ids';
import { createOperation } from '../state/operations';
import type { VlanRec } from '../state/types';
import { fullOperationView, sshView, vlanInfoView, vlanListView } from '../views';
import { openDatacenter, owned, ownedIdle, type CallContext, type MethodDef } from './context';
import { ID, listAndCount, ownedInfo, STR } from './listing';
import { IPV4_RE, subnetContains } from './network';

/** hosting.vlan.* (reference §12) and hosting.ssh.* (§13). */

const vlans = listAndCount(
  { id: ID, name: STR, datacenter_id: ID, state: STR, subnet: STR, gateway: STR },
  (ctx) => ctx.sim.store.owned('vlan', ctx.account.id).map(vlanListView),
);

const CIDR_RE = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/;

function subnetValue(raw: unknown): string {
  const subnet = str(raw as never, 'subnet');
  const m = CIDR_RE.exec(subnet);
  const bits = Number(m?.[2]);
  if (!m?.[1] || !IPV4_RE.test(m[1]) || bits < 16 || bits > 30) {
    throw dataFault(
      'OBJECT_CIDR',
      'CAUSE_BADPARAMETER',
      `subnet: '${subnet.slice(0, 64)}' is not an IPv4 CIDR between /16 and /30`,
    );
  }
  return subnet;
}

function gatewayValue(raw: unknown, subnet: string): string {
  const gateway = str(raw as never, 'gateway');
  if (!IPV4_RE.test(gateway) || !subnetContains(subnet, gateway)) {
    throw dataFault(
      'OBJECT_IPV4',
      'CAUSE_BADPARAMETER',
      `gateway: '${gateway.slice(0, 64)}' is not a host address of ${subnet}`,
    );
  }
  return gateway;
}

function uniqueName(ctx: CallContext, name: string, exceptId: number | null): string {
  if (!/^[\w.-]{1,64}$/.test(name))
    throw dataFault(
      'OBJECT_VLAN',
      'CAUSE_BADPARAMETER',
      `name: '${name.slice(0, 64)}' is not a valid VLAN name`,
    );
  for (const v of ctx.sim.store.owned('vlan', ctx.account.id)) {
    if (v.name === name && v.id !== exceptId)
      throw dataFault('OBJECT_VLAN', 'CAUSE_EXIST', `A VLAN named '${name}' already exists`);
  }
  return name;
}

/** A UUID-shaped `tracker_id`, derived from the operation id (deterministic). */
function trackerId(opId: number): string {
  const hex = [1, 2, 3, 4]
    .map((i) => hash32(`tracker:${i}:${opId}`).toString(16).padStart(8, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const createVlan = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const spec = struct(ctx.args[0], 'params');
  onlyKeys(spec, ['name', 'datacenter_id', 'subnet', 'gateway'], 'params');
  const name = uniqueName(ctx, str(required(spec, 'name', 'params'), 'name'), null);
  const dc = openDatacenter(ctx, required(spec, 'datacenter_id', 'params'), 'datacenter_id');
  const subnet = spec.subnet === undefined ? '192.168.0.0/24' : subnetValue(spec.subnet);
  const gateway =
    spec.gateway === undefined || spec.gateway === null ? null : gatewayValue(spec.gateway, subnet);
  const { sim, account } = ctx;
  const id = sim.store.nextId('vlan');
  const vlan: VlanRec = {
    id,
    accountId: account.id,
    name,
    state: 'being_created',
    subnet,
    gateway,
    uuid: sim.store.nextId('vlanUuid'),
    datacenterId: dc.id,
    entityId: entityId('vlan', id),
  };
  sim.store.put('vlan', vlan);
  const nextOpId = sim.store.counters.op;
  const op = createOperation(sim, {
    accountId: account.id,
    type: 'vlan_create',
    params: {
      _contact_id: account.id,
      subnet,
      name,
      remote_addr: ctx.remoteAddress,
      tracker_id: trackerId(nextOpId),
      datacenter_id: dc.id,
      env: 'prod',
    },
    created: [{ kind: 'vlan', id }],
    full: true,
  });
  return fullOperationView(op, account.handle, sim.now());
};

const updateVlan = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const vlan = ownedIdle(ctx, 'vlan', ctx.args[0], 'vlan_id');
  const spec = struct(ctx.args[1], 'params');
  onlyKeys(spec, ['name', 'gateway'], 'params');
  const changes: Partial<VlanRec> = {};
  if (spec.name !== undefined) changes.name = uniqueName(ctx, str(spec.name, 'name'), vlan.id);
  if (spec.gateway !== undefined)
    changes.gateway =
      spec.gateway === null || spec.gateway === '' ? null : gatewayValue(spec.gateway, vlan.subnet);
  if (Object.keys(changes).length === 0)
    throw dataFault('OBJECT_VLAN', 'CAUSE_NOTHING_TO_UPDATE', 'Nothing to update');
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type: 'vlan_update',
    params: { vlan_id: vlan.id, datacenter_id: vlan.datacenterId, env: 'prod', ...spec },
    effectData: { changes },
    full: true,
  });
  return fullOperationView(op, ctx.account.handle, ctx.sim.now());
};

const deleteVlan = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const vlan = ownedIdle(ctx, 'vlan', ctx.args[0], 'vlan_id');
  for (const iface of ctx.sim.store.tables.iface.values()) {
    if (iface.vlanId === vlan.id)
      throw dataFault('OBJECT_VLAN', 'CAUSE_ATTACHED', `VLAN ${vlan.id} still has interfaces`);
  }
  if (vlan.state !== 'created')
    throw dataFault('OBJECT_VLAN', 'CAUSE_STATE', `VLAN ${vlan.id} is not ready (${vlan.state})`);
  const nextOpId = ctx.sim.store.counters.op;
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type: 'vlan_delete',
    params: {
      datacenter_id: vlan.datacenterId,
      dc_code: DATACENTER_BY_ID.get(vlan.datacenterId)?.dcCode ?? '',
      vlan_id: vlan.id,
      tracker_id: trackerId(nextOpId),
      env: 'prod',
    },
    full: true,
  });
  return fullOperationView(op, ctx.account.handle, ctx.sim.now());
};

const sshKeys = listAndCount({ id: ID, name: STR, fingerprint: STR }, (ctx) =>
  ctx.sim.store.owned('ssh', ctx.account.id).map((k) => sshView(k, false)),
);

const SSH_KEY_RE =
  /^(ssh-rsa|ssh-dss|ssh-ed25519|ecdsa-sha2-nistp(?:256|384|521)) ([A-Za-z0-9+/]+={0,2})(?: (.*))?\s*$/;

const createSsh = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const spec = struct(ctx.args[0], 'params');
  onlyKeys(spec, ['value', 'name'], 'params');
  const value = str(required(spec, 'value', 'params'), 'value');
  const m = SSH_KEY_RE.exec(value.trim());
  if (!m?.[2] || value.length > 16384)
    throw dataFault('OBJECT_KEY', 'CAUSE_BADPARAMETER', 'value: not an OpenSSH public key');
  const fingerprint = md5Fingerprint(m[2]);
  const name =
    spec.name === undefined
      ? m[3]?.trim() || `key${ctx.sim.store.counters.ssh}`
      : str(spec.name, 'name');
  if (name.length < 1 || name.length > 255)
    throw dataFault('OBJECT_KEY', 'CAUSE_BADPARAMETER', 'name: 1 to 255 characters');
  for (const k of ctx.sim.store.owned('ssh', ctx.account.id)) {
    if (k.name === name)
      throw dataFault('OBJECT_KEY', 'CAUSE_EXIST', `A key named '${name}' already exists`);
    if (k.fingerprint === fingerprint)
      throw dataFault('OBJECT_KEY', 'CAUSE_EXIST', 'This key already exists');
  }
  const key = {
    id: ctx.sim.store.nextId('ssh'),
    accountId: ctx.account.id,
    name,
    fingerprint,
    value,
  };
  ctx.sim.store.put('ssh', key);
  return sshView(key, true);
};

export const VLAN_SSH_METHODS: Record<string, MethodDef> = {
  'hosting.vlan.list': vlans.list,
  'hosting.vlan.count': vlans.count,
  'hosting.vlan.info': ownedInfo('vlan', 'vlan_id', vlanInfoView),
  'hosting.vlan.create': { handler: createVlan },
  'hosting.vlan.update': { handler: updateVlan },
  'hosting.vlan.delete': { handler: deleteVlan },
  'hosting.ssh.list': sshKeys.list,
  'hosting.ssh.count': sshKeys.count,
  'hosting.ssh.info': ownedInfo('ssh', 'key_id', (key) => sshView(key, true)),
  'hosting.ssh.create': { handler: createSsh },
  'hosting.ssh.delete': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const key = owned(ctx, 'ssh', ctx.args[0], 'key_id');
      ctx.sim.store.del('ssh', key.id);
      return true;
    },
  },
};
