import { isIP } from 'node:net';
import { bool, expectArity, int, onlyKeys, required, str, struct } from '../args';
import { dataFault, describe } from '../faults';
import { DATACENTER_BY_ID } from '../state/catalog';
import { createOperation, isFinal } from '../state/operations';
import {
  ALGORITHMS,
  EMPTY_PROBE,
  isDomainValidated,
  type Algorithm,
  type RproxyRec,
  type RproxyServerRec,
} from '../state/rproxy';
import type { OperationRec } from '../state/types';
import { fullOperationView } from '../views';
import type { XmlParam, XmlValue } from '../xmlrpc/values';
import { openDatacenter, owned, requireCredits, type CallContext, type MethodDef } from './context';
import { BOOL, DATE, ID, INT, listAndCount, ownedInfo, STR } from './listing';

/** hosting.rproxy.{list,count,info,create,update,delete} (reference §16) and what the parts share. */

type Struct = { [key: string]: XmlValue };

export const MAX_SERVERS = 32;
export const MAX_VHOSTS = 32;

const serverView = (rp: RproxyRec, s: RproxyServerRec): Struct => ({
  fallback: s.fallback,
  id: s.id,
  ip: s.ip,
  port: s.port,
  rproxy_id: rp.id,
  state: s.state,
});

export const serverViews = (rp: RproxyRec): Struct[] => rp.servers.map((s) => serverView(rp, s));

export const vhostViews = (rp: RproxyRec): Struct[] =>
  rp.vhosts.map((v) => ({
    cert_id: null,
    id: v.id,
    name: v.name,
    rproxy_id: rp.id,
    state: v.state,
  }));

/** The list item (gandi.cli's list mock: `datacenter_id`, no `lb`). */
function listView(rp: RproxyRec): Struct {
  return {
    datacenter_id: rp.datacenterId,
    date_created: new Date(rp.dateCreated),
    id: rp.id,
    name: rp.name,
    probe: { ...rp.probe },
    servers: serverViews(rp),
    ssl_enable: rp.sslEnable,
    state: rp.state,
    uuid: rp.id,
    vhosts: vhostViews(rp),
  };
}

/** `info` (gandi.cli's info mock: `datacenter` struct and `lb`, no `datacenter_id`). */
function infoView(rp: RproxyRec): Struct {
  const { datacenter_id: dcId, ...rest } = listView(rp);
  const dc = DATACENTER_BY_ID.get(Number(dcId));
  return {
    ...rest,
    datacenter: dc
      ? { country: dc.country, dc_code: dc.dcCode, id: dc.id, iso: dc.iso, name: dc.name }
      : null,
    lb: { algorithm: rp.algorithm },
  };
}

/** Another account's rproxy answers like a missing one. */
export const ownedRproxy = (ctx: CallContext, raw: XmlParam | undefined) =>
  owned(ctx, 'rproxy', raw, 'rproxy_id');

/** Changes are refused while the rproxy is being created or deleted. */
export function ready(rp: RproxyRec): RproxyRec {
  if (rp.state !== 'running')
    throw dataFault('OBJECT_RPROXY', 'CAUSE_STATE', `Rproxy ${rp.id} is ${rp.state}`);
  return rp;
}

/** Whether an operation on this rproxy (and this part, when given) has not finished yet. */
export function pendingOn(ctx: CallContext, rp: RproxyRec, key?: string, id?: number): boolean {
  for (const opId of ctx.sim.store.pendingOps) {
    const op = ctx.sim.store.get('op', opId);
    if (!op || isFinal(op) || op.params.rproxy_id !== rp.id) continue;
    if (key === undefined || op.params[key] === id) return true;
  }
  return false;
}

/** A full operation on an rproxy (`params.rproxy_id` drives its effect at DONE). */
export function rproxyOperation(
  ctx: CallContext,
  rp: RproxyRec,
  type: string,
  params: Record<string, unknown> = {},
  effectData: Record<string, unknown> = {},
): OperationRec {
  return createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type,
    params: { rproxy_id: rp.id, datacenter_id: rp.datacenterId, ...params },
    effectData,
    full: true,
  });
}

export const opView = (ctx: CallContext, op: OperationRec): Struct =>
  fullOperationView(op, ctx.account.handle, ctx.sim.now());

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;

function nameValue(ctx: CallContext, raw: XmlParam | undefined, exceptId: number | null): string {
  const name = str(raw, 'name');
  if (!NAME_RE.test(name))
    throw dataFault(
      'OBJECT_RPROXY',
      'CAUSE_BADPARAMETER',
      `name: '${describe(name)}' is not 1-64 letters, digits, '.', '_' or '-'`,
    );
  for (const rp of ctx.sim.store.owned('rproxy', ctx.account.id))
    if (rp.name === name && rp.id !== exceptId)
      throw dataFault('OBJECT_RPROXY', 'CAUSE_EXIST', `A webaccelerator named '${name}' exists`);
  return name;
}

function algorithmValue(raw: XmlParam | undefined): Algorithm {
  const lb = struct(raw, 'lb');
  onlyKeys(lb, ['algorithm'], 'lb');
  const algorithm = str(required(lb, 'algorithm', 'lb'), 'algorithm');
  if (!(ALGORITHMS as readonly string[]).includes(algorithm))
    throw dataFault(
      'OBJECT_RPROXY',
      'CAUSE_BADPARAMETER',
      `algorithm: '${describe(algorithm)}' is not one of ${ALGORITHMS.join(', ')}`,
    );
  return algorithm as Algorithm;
}

/** A backend `{ip, port}`: an IPv4/IPv6 address and a TCP port. */
export function backendValue(raw: XmlParam | undefined, name: string) {
  const spec = struct(raw, name);
  onlyKeys(spec, ['ip', 'port'], name);
  const ip = str(required(spec, 'ip', name), 'ip');
  const port = int(required(spec, 'port', name), 'port');
  if (isIP(ip) === 0)
    throw dataFault('OBJECT_IPV4', 'CAUSE_BADPARAMETER', `ip: '${describe(ip)}' is not an address`);
  if (port < 1 || port > 65535)
    throw dataFault('OBJECT_INTEGER', 'CAUSE_VALUE', `port: ${port} is not 1-65535`);
  return { ip: ip.toLowerCase(), port };
}

export function noDuplicateBackend(rp: Pick<RproxyRec, 'servers'>, ip: string, port: number) {
  if (rp.servers.some((s) => s.ip === ip && s.port === port))
    throw dataFault('OBJECT_LBSERVER', 'CAUSE_EXIST', `Backend ${ip}:${port} is already there`);
  if (rp.servers.length >= MAX_SERVERS)
    throw dataFault('OBJECT_LBSERVER', 'CAUSE_TOOMANY', `At most ${MAX_SERVERS} backends`);
}

export const FQDN_RE = /^(?=.{4,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;

/**
 * A vhost name: an FQDN, not used by another vhost of the account, and on a validated domain
 * (fault 580142 otherwise — gandi.cli then asks `get_dns_entries` for the records to publish).
 */
export function vhostValue(ctx: CallContext, raw: XmlParam | undefined, name = 'vhost'): string {
  const vhost = str(raw, name).toLowerCase();
  if (!FQDN_RE.test(vhost))
    throw dataFault(
      'OBJECT_FQDN',
      'CAUSE_BADPARAMETER',
      `${name}: '${describe(vhost)}' is not a domain name`,
    );
  for (const rp of ctx.sim.store.owned('rproxy', ctx.account.id))
    if (rp.vhosts.some((v) => v.name === vhost))
      throw dataFault('OBJECT_VIRTUALHOST', 'CAUSE_EXIST', `Vhost '${vhost}' is already in use`);
  if (!isDomainValidated(ctx.sim, ctx.account.id, vhost))
    throw dataFault(
      'OBJECT_DNS_TXT',
      'CAUSE_NOTFOUND',
      `The domain of '${vhost}' is not validated: publish the records of hosting.rproxy.vhost.get_dns_entries`,
    );
  return vhost;
}

const createRproxy = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  requireCredits(ctx);
  const spec = struct(ctx.args[0], 'params');
  onlyKeys(
    spec,
    ['datacenter_id', 'name', 'lb', 'override', 'ssl_enable', 'zone_alter', 'vhosts', 'servers'],
    'params',
  );
  const name = nameValue(ctx, required(spec, 'name', 'params'), null);
  const dc = openDatacenter(ctx, required(spec, 'datacenter_id', 'params'), 'datacenter_id');
  const algorithm =
    spec.lb === undefined || spec.lb === null ? 'client-ip' : algorithmValue(spec.lb);
  const sslEnable = spec.ssl_enable == null ? false : bool(spec.ssl_enable, 'ssl_enable');
  for (const flag of ['override', 'zone_alter'] as const)
    if (spec[flag] != null) bool(spec[flag], flag);
  const rawServers = spec.servers == null ? [] : spec.servers;
  const rawVhosts = spec.vhosts == null ? [] : spec.vhosts;
  if (!Array.isArray(rawServers) || !Array.isArray(rawVhosts))
    throw dataFault('OBJECT_LIST', 'CAUSE_TYPE', 'servers and vhosts must be arrays');
  if (rawVhosts.length > MAX_VHOSTS)
    throw dataFault('OBJECT_VIRTUALHOST', 'CAUSE_TOOMANY', `At most ${MAX_VHOSTS} vhosts`);
  const servers: RproxyServerRec[] = [];
  rawServers.forEach((raw, i) => {
    const { ip, port } = backendValue(raw, `servers[${i}]`);
    noDuplicateBackend({ servers }, ip, port);
    servers.push({ id: 0, ip, port, fallback: false, state: 'being_created' });
  });
  const vhosts = rawVhosts.map((raw, i) => vhostValue(ctx, raw, `vhosts[${i}]`));
  if (new Set(vhosts).size !== vhosts.length)
    throw dataFault('OBJECT_VIRTUALHOST', 'CAUSE_EXIST', 'vhosts: the same name twice');
  // Every check passed: only now take ids and change state.
  const { store } = ctx.sim;
  const now = ctx.sim.now();
  const rp: RproxyRec = {
    id: store.nextId('rproxy'),
    accountId: ctx.account.id,
    name,
    state: 'being_created',
    datacenterId: dc.id,
    algorithm,
    sslEnable,
    probe: { ...EMPTY_PROBE },
    servers: servers.map((s) => ({ ...s, id: store.nextId('rproxyServer') })),
    vhosts: vhosts.map((v) => ({
      id: store.nextId('rproxyVhost'),
      name: v,
      state: 'being_created',
    })),
    dateCreated: now,
    dateUpdated: now,
  };
  store.put('rproxy', rp);
  return [opView(ctx, rproxyOperation(ctx, rp, 'rproxy_iaas_create', { name }))];
};

const updateRproxy = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const rp = ready(ownedRproxy(ctx, ctx.args[0]));
  const spec = struct(ctx.args[1], 'params');
  onlyKeys(spec, ['name', 'lb', 'ssl_enable'], 'params');
  const changes: Partial<RproxyRec> = {};
  if (spec.name != null) changes.name = nameValue(ctx, spec.name, rp.id);
  if (spec.lb != null) changes.algorithm = algorithmValue(spec.lb);
  if (spec.ssl_enable != null) changes.sslEnable = bool(spec.ssl_enable, 'ssl_enable');
  if (Object.keys(changes).length === 0)
    throw dataFault('OBJECT_RPROXY', 'CAUSE_NOTHING_TO_UPDATE', 'Nothing to update');
  return opView(ctx, rproxyOperation(ctx, rp, 'rproxy_iaas_update', {}, { changes }));
};

const deleteRproxy = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const rp = ready(ownedRproxy(ctx, ctx.args[0]));
  if (pendingOn(ctx, rp))
    throw dataFault('OBJECT_RPROXY', 'CAUSE_STATE', `Rproxy ${rp.id} has operations running`);
  ctx.sim.store.put('rproxy', { ...rp, state: 'deleting' });
  return opView(ctx, rproxyOperation(ctx, rp, 'rproxy_iaas_delete'));
};

const rproxies = listAndCount(
  {
    id: ID,
    name: STR,
    state: STR,
    datacenter_id: ID,
    ssl_enable: BOOL,
    date_created: DATE,
    uuid: INT,
  },
  (ctx) => ctx.sim.store.owned('rproxy', ctx.account.id).map(listView),
);

export const RPROXY_CORE_METHODS: Record<string, MethodDef> = {
  'hosting.rproxy.list': rproxies.list,
  'hosting.rproxy.count': rproxies.count,
  'hosting.rproxy.info': ownedInfo('rproxy', 'rproxy_id', infoView),
  'hosting.rproxy.create': { handler: createRproxy },
  'hosting.rproxy.update': { handler: updateRproxy },
  'hosting.rproxy.delete': { handler: deleteRproxy },
};
