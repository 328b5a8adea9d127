import { bool, expectArity, int, num, onlyKeys, required, str, struct } from '../args';
import { dataFault, describe, notFound } from '../faults';
import { DATACENTER_BY_ID } from '../state/catalog';
import {
  dnsEntries,
  findValidation,
  registrableDomain,
  type ProbeRec,
  type ProbeSettings,
  type RproxyRec,
} from '../state/rproxy';
import { double, type XmlParam, type XmlValue } from '../xmlrpc/values';
import type { CallContext, MethodDef } from './context';
import { BOOL, ID, INT, listAndCount, STR } from './listing';
import {
  backendValue,
  FQDN_RE,
  MAX_VHOSTS,
  noDuplicateBackend,
  opView,
  ownedRproxy,
  pendingOn,
  ready,
  rproxyOperation,
  serverViews,
  vhostViews,
  vhostValue,
} from './rproxy';

/** hosting.rproxy.server.*, hosting.rproxy.vhost.*, hosting.rproxy.probe.* (reference §16). */

type Struct = { [key: string]: XmlValue };

function notBusy(ctx: CallContext, rp: RproxyRec, key: string, id: number, label: string): void {
  if (pendingOn(ctx, rp, key, id))
    throw dataFault('OBJECT_RPROXY', 'CAUSE_STATE', `${label} ${id} has an operation running`);
}

/** A backend by id among the caller's rproxies (someone else's answers like a missing one). */
function ownedServer(ctx: CallContext, raw: XmlParam | undefined) {
  const id = int(raw, 'server_id');
  for (const rp of ctx.sim.store.owned('rproxy', ctx.account.id)) {
    const server = rp.servers.find((s) => s.id === id);
    if (server) return { rp: ready(rp), server };
  }
  throw notFound('OBJECT_LBSERVER', 'Server', id);
}

const servers = listAndCount(
  { id: ID, ip: STR, port: INT, rproxy_id: ID, state: STR, fallback: BOOL },
  (ctx) => ctx.sim.store.owned('rproxy', ctx.account.id).flatMap(serverViews),
);

const createServer = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const rp = ready(ownedRproxy(ctx, ctx.args[0]));
  const { ip, port } = backendValue(ctx.args[1], 'params');
  noDuplicateBackend(rp, ip, port);
  const id = ctx.sim.store.nextId('rproxyServer');
  const server = { id, ip, port, fallback: false, state: 'being_created' };
  ctx.sim.store.put('rproxy', { ...rp, servers: [...rp.servers, server] });
  return opView(ctx, rproxyOperation(ctx, rp, 'rproxy_server_create', { server_id: id, ip, port }));
};

/** `server.{delete,enable,disable}(server_id)`. */
function serverAction(type: string, precondition?: (state: string) => string | null): MethodDef {
  return {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const { rp, server } = ownedServer(ctx, ctx.args[0]);
      notBusy(ctx, rp, 'server_id', server.id, 'Server');
      const refusal = precondition?.(server.state);
      if (refusal) throw dataFault('OBJECT_LBSERVER', 'CAUSE_STATE', refusal);
      return opView(ctx, rproxyOperation(ctx, rp, type, { server_id: server.id }));
    },
  };
}

const vhosts = listAndCount({ id: ID, name: STR, rproxy_id: ID, state: STR }, (ctx) =>
  ctx.sim.store.owned('rproxy', ctx.account.id).flatMap(vhostViews),
);

const createVhost = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const rp = ready(ownedRproxy(ctx, ctx.args[0]));
  const spec = struct(ctx.args[1], 'params');
  onlyKeys(spec, ['vhost', 'zone_alter', 'override'], 'params');
  for (const flag of ['override', 'zone_alter'] as const)
    if (spec[flag] != null) bool(spec[flag], flag);
  const name = vhostValue(ctx, required(spec, 'vhost', 'params'));
  if (rp.vhosts.length >= MAX_VHOSTS)
    throw dataFault('OBJECT_VIRTUALHOST', 'CAUSE_TOOMANY', `At most ${MAX_VHOSTS} vhosts`);
  const id = ctx.sim.store.nextId('rproxyVhost');
  ctx.sim.store.put('rproxy', {
    ...rp,
    vhosts: [...rp.vhosts, { id, name, state: 'being_created' }],
  });
  return opView(
    ctx,
    rproxyOperation(ctx, rp, 'rproxy_vhost_create', { vhost_id: id, vhost: name }),
  );
};

const deleteVhost = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const name = str(ctx.args[0], 'vhost').toLowerCase();
  for (const rp of ctx.sim.store.owned('rproxy', ctx.account.id)) {
    const vhost = rp.vhosts.find((v) => v.name === name);
    if (!vhost) continue;
    ready(rp);
    notBusy(ctx, rp, 'vhost_id', vhost.id, 'Vhost');
    return opView(
      ctx,
      rproxyOperation(ctx, rp, 'rproxy_vhost_delete', { vhost_id: vhost.id, vhost: name }),
    );
  }
  throw notFound('OBJECT_VIRTUALHOST', 'Vhost', describe(name));
};

const MAX_VALIDATIONS = 1000;

/** `get_dns_entries({datacenter, vhost})`: the records; from now on the domain can validate. */
const getDnsEntries = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const spec = struct(ctx.args[0], 'params');
  onlyKeys(spec, ['datacenter', 'vhost'], 'params');
  const dcId = int(required(spec, 'datacenter', 'params'), 'datacenter');
  const dc = DATACENTER_BY_ID.get(dcId);
  if (!dc) throw notFound('OBJECT_DATACENTER', 'Datacenter', dcId);
  const vhost = str(required(spec, 'vhost', 'params'), 'vhost').toLowerCase();
  if (!FQDN_RE.test(vhost))
    throw dataFault(
      'OBJECT_FQDN',
      'CAUSE_BADPARAMETER',
      `vhost: '${describe(vhost)}' is not a domain name`,
    );
  const domain = registrableDomain(vhost);
  const { store } = ctx.sim;
  if (!findValidation(ctx.sim, ctx.account.id, domain)) {
    if (store.owned('dnsValidation', ctx.account.id).length >= MAX_VALIDATIONS)
      throw dataFault('OBJECT_DNS_TXT', 'CAUSE_TOOMANY', `At most ${MAX_VALIDATIONS} domains`);
    store.put('dnsValidation', {
      id: store.nextId('dnsValidation'),
      accountId: ctx.account.id,
      domain,
      requestedAt: ctx.sim.now(),
    });
  }
  return dnsEntries(ctx.account.id, domain, dc.dcCode);
};

const PROBE_KEYS = [
  'host',
  'interval',
  'method',
  'response',
  'threshold',
  'timeout',
  'url',
  'window',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

function intIn(spec: Record<string, XmlParam>, key: string, min: number, max: number) {
  const n = int(spec[key], key);
  if (n < min || n > max)
    throw dataFault('OBJECT_INTEGER', 'CAUSE_VALUE', `${key}: ${n} is not ${min}-${max}`);
  return n;
}

/**
 * Probe settings from gandi.cli's struct, which sends every key and `None` for the ones not given
 * (those stay as they are). Returns the changed settings and `enable` if present.
 */
function probeChanges(rp: RproxyRec, raw: XmlParam | undefined): Partial<ProbeRec> {
  const spec = struct(raw, 'params');
  onlyKeys(spec, [...PROBE_KEYS, 'enable'], 'params');
  const out: Partial<ProbeRec> = {};
  const given = (k: string) => spec[k] !== undefined && spec[k] !== null;
  if (given('host')) {
    const host = str(spec.host, 'host');
    if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host))
      throw dataFault(
        'OBJECT_FQDN',
        'CAUSE_BADPARAMETER',
        `host: '${describe(host)}' is not a host`,
      );
    out.host = host;
  }
  if (given('interval')) out.interval = intIn(spec, 'interval', 1, 3600);
  if (given('method')) {
    const method = str(spec.method, 'method').toUpperCase();
    if (!METHODS.includes(method))
      throw dataFault(
        'OBJECT_STRING',
        'CAUSE_BADPARAMETER',
        `method: '${describe(method)}' is not one of ${METHODS.join(', ')}`,
      );
    out.method = method;
  }
  if (given('response')) out.response = intIn(spec, 'response', 100, 599);
  if (given('window')) out.window = intIn(spec, 'window', 1, 100);
  if (given('threshold')) out.threshold = intIn(spec, 'threshold', 1, 100);
  if (given('timeout')) {
    const timeout = num(spec.timeout, 'timeout');
    if (timeout <= 0 || timeout > 60)
      throw dataFault('OBJECT_INTEGER', 'CAUSE_VALUE', `timeout: ${timeout} is not 1-60`);
    out.timeout = timeout;
  }
  if (given('url')) {
    const url = str(spec.url, 'url');
    if (!/^\/[\x21-\x7e]{0,1023}$/.test(url))
      throw dataFault(
        'OBJECT_STRING',
        'CAUSE_BADPARAMETER',
        `url: '${describe(url)}' is not a path`,
      );
    out.url = url;
  }
  if (given('enable')) out.enable = bool(spec.enable, 'enable');
  const merged = { ...rp.probe, ...out };
  if (merged.threshold !== null && merged.window !== null && merged.threshold > merged.window)
    throw dataFault('OBJECT_INTEGER', 'CAUSE_VALUE', 'threshold: more than window');
  if (merged.enable && !complete(merged))
    throw dataFault(
      'OBJECT_RPROXY',
      'CAUSE_NOT_CONFIGURED',
      'The probe needs url, method, response, interval, timeout, threshold and window',
    );
  return out;
}

function complete(
  p: ProbeRec,
): p is ProbeRec & { [K in keyof ProbeSettings]: NonNullable<ProbeRec[K]> } {
  return (
    ['interval', 'method', 'response', 'threshold', 'timeout', 'url', 'window'] as const
  ).every((k) => p[k] !== null);
}

/**
 * `probe.test`: each backend answers with the expected status when its address belongs to one of
 * the account's running VMs, otherwise it times out (status 0). Deterministic; nothing changes.
 */
function probeTest(ctx: CallContext, rp: RproxyRec, probe: ProbeRec): Struct {
  if (!complete(probe))
    throw dataFault(
      'OBJECT_RPROXY',
      'CAUSE_NOT_CONFIGURED',
      'The probe needs url, method, response, interval, timeout, threshold and window',
    );
  const { store } = ctx.sim;
  const running = new Set<string>();
  for (const vm of store.owned('vm', ctx.account.id)) {
    if (vm.state !== 'running') continue;
    for (const ifaceId of vm.ifacesId)
      for (const ipId of store.get('iface', ifaceId)?.ipsId ?? []) {
        const ip = store.get('ip', ipId)?.ip;
        if (ip) running.add(ip.toLowerCase());
      }
  }
  const results = rp.servers.map((s) => {
    const up = running.has(s.ip);
    return { server: s.id, status: up ? probe.response : 0, timeout: up ? 0.05 : probe.timeout };
  });
  const up = results.find((r) => r.status !== 0);
  return {
    servers: results.map((r) => ({
      server: r.server,
      status: r.status,
      timeout: double(r.timeout),
    })),
    status: up ? probe.response : 0,
    timeout: double(up ? 0.05 : probe.timeout),
  };
}

function probeAction(type: 'rproxy_probe_enable' | 'rproxy_probe_disable'): MethodDef {
  return {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const rp = ready(ownedRproxy(ctx, ctx.args[0]));
      if (type === 'rproxy_probe_enable' && !complete(rp.probe))
        throw dataFault(
          'OBJECT_RPROXY',
          'CAUSE_NOT_CONFIGURED',
          'Configure the probe first (probe.update)',
        );
      return opView(ctx, rproxyOperation(ctx, rp, type));
    },
  };
}

export const RPROXY_PART_METHODS: Record<string, MethodDef> = {
  'hosting.rproxy.server.list': servers.list,
  'hosting.rproxy.server.count': servers.count,
  'hosting.rproxy.server.create': { handler: createServer },
  'hosting.rproxy.server.delete': serverAction('rproxy_server_delete'),
  'hosting.rproxy.server.enable': serverAction('rproxy_server_enable', (state) =>
    state === 'disabled' ? null : `The backend is ${state}, not disabled`,
  ),
  'hosting.rproxy.server.disable': serverAction('rproxy_server_disable', (state) =>
    state === 'running' ? null : `The backend is ${state}, not running`,
  ),
  'hosting.rproxy.vhost.list': vhosts.list,
  'hosting.rproxy.vhost.count': vhosts.count,
  'hosting.rproxy.vhost.create': { handler: createVhost },
  'hosting.rproxy.vhost.delete': { handler: deleteVhost },
  'hosting.rproxy.vhost.get_dns_entries': { handler: getDnsEntries },
  'hosting.rproxy.probe.update': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 2);
      const rp = ready(ownedRproxy(ctx, ctx.args[0]));
      const probe = probeChanges(rp, ctx.args[1]);
      if (Object.keys(probe).length === 0)
        throw dataFault('OBJECT_RPROXY', 'CAUSE_NOTHING_TO_UPDATE', 'Nothing to update');
      return opView(ctx, rproxyOperation(ctx, rp, 'rproxy_probe_update', {}, { probe }));
    },
  },
  'hosting.rproxy.probe.test': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1, 2);
      const rp = ownedRproxy(ctx, ctx.args[0]);
      const changes = ctx.args[1] === undefined ? {} : probeChanges(rp, ctx.args[1]);
      return probeTest(ctx, rp, { ...rp.probe, ...changes });
    },
  },
  'hosting.rproxy.probe.enable': probeAction('rproxy_probe_enable'),
  'hosting.rproxy.probe.disable': probeAction('rproxy_probe_disable'),
};
