import { createHash } from 'node:crypto';
import type { Sim } from './sim';
import type { Id, OperationRec } from './types';

/**
 * The Web Accelerator's state (`hosting.rproxy.*`, reference §16): one record per rproxy with
 * its backends ("servers"), vhosts and probe inside, plus the account's DNS validations. The
 * methods live in `methods/rproxy*.ts`; what their operations do at DONE is here.
 */

export type Algorithm = 'round-robin' | 'client-ip';
export const ALGORITHMS: readonly Algorithm[] = ['round-robin', 'client-ip'];

export interface RproxyServerRec {
  id: Id;
  ip: string;
  port: number;
  fallback: boolean;
  /** `being_created` → `running`; `disabled` after `server.disable`. */
  state: string;
}

export interface RproxyVhostRec {
  id: Id;
  name: string;
  state: string;
}

export interface ProbeRec {
  enable: boolean;
  host: string | null;
  interval: number | null;
  method: string | null;
  response: number | null;
  threshold: number | null;
  timeout: number | null;
  url: string | null;
  window: number | null;
}

export type ProbeSettings = Omit<ProbeRec, 'enable'>;

export interface RproxyRec {
  id: Id;
  accountId: Id;
  name: string;
  /** `being_created` → `running`; `deleting` while its delete runs. */
  state: string;
  datacenterId: Id;
  algorithm: Algorithm;
  sslEnable: boolean;
  probe: ProbeRec;
  servers: RproxyServerRec[];
  vhosts: RproxyVhostRec[];
  dateCreated: number;
  dateUpdated: number;
}

/** A domain whose validation records were handed out (`vhost.get_dns_entries`). */
export interface DnsValidationRec {
  id: Id;
  accountId: Id;
  domain: string;
  requestedAt: number;
}

export const RPROXY_INITIAL_COUNTERS = {
  rproxy: 13300,
  rproxyServer: 15000,
  rproxyVhost: 5200,
  dnsValidation: 1,
};

export const EMPTY_PROBE: ProbeRec = {
  enable: false,
  host: null,
  interval: null,
  method: null,
  response: null,
  threshold: null,
  timeout: null,
  url: null,
  window: null,
};

/**
 * The registrable part of a vhost name (its last two labels: the simulator has no public-suffix
 * list), which is what gets validated.
 */
export function registrableDomain(vhost: string): string {
  return vhost.toLowerCase().split('.').slice(-2).join('.');
}

/** Names under these (RFC 2606) stand for zones at Gandi's DNS the account may alter. */
const PREVALIDATED = ['example.com', 'example.net', 'example.org'];

/**
 * Whether a vhost's domain counts as validated for the account (documented in the README): the
 * RFC 2606 example domains always; any other domain once its TXT/CNAME records were requested
 * with `get_dns_entries` and one operation's duration has passed (the records "propagated").
 */
export function isDomainValidated(sim: Sim, accountId: Id, vhost: string): boolean {
  const domain = registrableDomain(vhost);
  if (PREVALIDATED.includes(domain)) return true;
  const rec = findValidation(sim, accountId, domain);
  return rec !== undefined && sim.now() >= rec.requestedAt + propagationMs(sim);
}

export function propagationMs(sim: Sim): number {
  return sim.timing.waitMs + sim.timing.runMs;
}

export function findValidation(
  sim: Sim,
  accountId: Id,
  domain: string,
): DnsValidationRec | undefined {
  for (const rec of sim.store.tables.dnsValidation.values())
    if (rec.accountId === accountId && rec.domain === domain) return rec;
  return undefined;
}

/** The records to publish for a domain: stable per (account, domain), meaningless elsewhere. */
export function dnsEntries(accountId: Id, domain: string, dcCode: string) {
  const digest = createHash('sha256').update(`webacc:${accountId}:${domain}`).digest('hex');
  return {
    key: `_webacc-${digest.slice(0, 12)}`,
    txt: digest.slice(12, 44),
    cname: `${digest.slice(44, 56)}.webacc.${dcCode.toLowerCase()}.gandi.net.`,
    domain,
  };
}

type Effect = (sim: Sim, rp: RproxyRec, op: OperationRec, at: number) => string | null;

const serverId = (op: OperationRec) => Number(op.params.server_id);
const vhostId = (op: OperationRec) => Number(op.params.vhost_id);

function setServerState(rp: RproxyRec, id: Id, state: string): string | null {
  const server = rp.servers.find((s) => s.id === id);
  if (!server) return `Server ${id} no longer exists`;
  server.state = state;
  return null;
}

const EFFECTS: Record<string, Effect> = {
  rproxy_iaas_create: (_sim, rp) => {
    rp.state = 'running';
    for (const s of rp.servers) if (s.state === 'being_created') s.state = 'running';
    for (const v of rp.vhosts) if (v.state === 'being_created') v.state = 'running';
    return null;
  },
  rproxy_iaas_update: (_sim, rp, op) => {
    Object.assign(rp, op.effectData.changes as Partial<RproxyRec>);
    return null;
  },
  rproxy_iaas_delete: (sim, rp) => {
    sim.store.del('rproxy', rp.id);
    return null;
  },
  rproxy_server_create: (_sim, rp, op) => setServerState(rp, serverId(op), 'running'),
  rproxy_server_enable: (_sim, rp, op) => setServerState(rp, serverId(op), 'running'),
  rproxy_server_disable: (_sim, rp, op) => setServerState(rp, serverId(op), 'disabled'),
  rproxy_server_delete: (_sim, rp, op) => {
    rp.servers = rp.servers.filter((s) => s.id !== serverId(op));
    return null;
  },
  rproxy_vhost_create: (_sim, rp, op) => {
    const vhost = rp.vhosts.find((v) => v.id === vhostId(op));
    if (!vhost) return `Vhost ${vhostId(op)} no longer exists`;
    vhost.state = 'running';
    return null;
  },
  rproxy_vhost_delete: (_sim, rp, op) => {
    rp.vhosts = rp.vhosts.filter((v) => v.id !== vhostId(op));
    return null;
  },
  rproxy_probe_update: (_sim, rp, op) => {
    rp.probe = { ...rp.probe, ...(op.effectData.probe as Partial<ProbeRec>) };
    return null;
  },
  rproxy_probe_enable: (_sim, rp) => {
    rp.probe = { ...rp.probe, enable: true };
    return null;
  },
  rproxy_probe_disable: (_sim, rp) => {
    rp.probe = { ...rp.probe, enable: false };
    return null;
  },
};

/** Applies an rproxy operation's effect at DONE; an error text (nothing changed) if impossible. */
export function applyRproxyEffect(sim: Sim, op: OperationRec, at: number): string | null {
  const effect = EFFECTS[op.type];
  if (!effect) return null;
  const rp = sim.store.get('rproxy', Number(op.params.rproxy_id));
  if (!rp) return `Rproxy ${String(op.params.rproxy_id)} no longer exists`;
  const copy = structuredClone(rp);
  const error = effect(sim, copy, op, at);
  if (error) return error;
  if (!sim.store.get('rproxy', rp.id)) return null; // deleted by the effect
  copy.dateUpdated = at;
  sim.store.put('rproxy', copy);
  return null;
}

/** Undoes what a failed or cancelled rproxy operation did at call time. */
export function rollbackRproxy(sim: Sim, op: OperationRec): void {
  const rp = sim.store.get('rproxy', Number(op.params.rproxy_id));
  if (!rp) return;
  if (op.type === 'rproxy_iaas_create') {
    sim.store.del('rproxy', rp.id);
    return;
  }
  const copy = structuredClone(rp);
  if (op.type === 'rproxy_iaas_delete') copy.state = 'running';
  if (op.type === 'rproxy_server_create')
    copy.servers = copy.servers.filter((s) => s.id !== serverId(op));
  if (op.type === 'rproxy_vhost_create')
    copy.vhosts = copy.vhosts.filter((v) => v.id !== vhostId(op));
  sim.store.put('rproxy', copy);
}
