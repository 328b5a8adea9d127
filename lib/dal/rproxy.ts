import 'server-only';
import {
  catalogList,
  datacenterList,
  GandiError,
  ipCount,
  ipList,
  listAll,
  rproxyInfo,
  rproxyList,
  vmCount,
  vmList,
  type Datacenter,
  type GandiConnection,
  type Id,
  type Rproxy,
} from '@/lib/gandi';
import { backendLabel } from '@/lib/validation/rproxy';
import { datacenterLabel } from './vms';

/** Reads for the load balancer pages (Gandi's Web Accelerator). Nothing here carries the key. */

export interface RproxyRow {
  id: Id;
  name: string;
  state: string;
  datacenter: string;
  vhosts: string[];
  backendsUp: number;
  backendsTotal: number;
}

/** One address of one of the account's VMs, offered as a backend. */
export interface BackendChoice {
  datacenterId: Id;
  hostname: string;
  ip: string;
  /** `ip:port` with the default port, the value a ticked box sends. */
  value: string;
}

export interface RproxyPrice {
  /** Credits per hour of one load balancer, and of its SSL option (0 when not listed). */
  perHour: number;
  sslPerHour: number;
}

export interface RproxyPage {
  rows: RproxyRow[];
  openDatacenters: { id: Id; label: string }[];
  choices: BackendChoice[];
  /** Null when the endpoint publishes no price for load balancers. */
  price: RproxyPrice | null;
}

export const DEFAULT_BACKEND_PORT = 80;
/** How many VM addresses the create form offers per datacenter. */
const CHOICES_PER_DATACENTER = 200;

/** A backend is "up" when it takes traffic (`running`); disabled or being created is not. */
export function toRow(rp: Rproxy, datacenters: readonly Datacenter[]): RproxyRow {
  return {
    id: rp.id,
    name: rp.name,
    state: rp.state,
    datacenter: datacenterLabel(datacenters, rp.datacenterId),
    vhosts: rp.vhosts.map((v) => v.name),
    backendsUp: rp.backends.filter((b) => b.state === 'running').length,
    backendsTotal: rp.backends.length,
  };
}

/** The addresses of the account's VMs (public and private, v4 and v6), by datacenter. */
export async function backendChoices(
  conn: GandiConnection,
  datacenterId?: Id,
): Promise<BackendChoice[]> {
  const dcFilter = datacenterId === undefined ? {} : { datacenter_id: datacenterId };
  const [vms, ips] = await Promise.all([
    listAll(conn, vmList, dcFilter, vmCount),
    listAll(conn, ipList, dcFilter, ipCount),
  ]);
  const hostnames = new Map(vms.map((vm) => [vm.id, vm.hostname]));
  const perDc = new Map<Id, number>();
  const out: BackendChoice[] = [];
  for (const ip of ips) {
    if (ip.ip === null || ip.vmId === null || !hostnames.has(ip.vmId)) continue;
    const n = perDc.get(ip.datacenterId) ?? 0;
    if (n >= CHOICES_PER_DATACENTER) continue;
    perDc.set(ip.datacenterId, n + 1);
    out.push({
      datacenterId: ip.datacenterId,
      hostname: hostnames.get(ip.vmId) ?? `#${ip.vmId}`,
      ip: ip.ip,
      value: backendLabel(ip.ip, DEFAULT_BACKEND_PORT),
    });
  }
  return out.sort((a, b) => a.hostname.localeCompare(b.hostname) || a.ip.localeCompare(b.ip));
}

/** The catalogue's load balancer price, or null (endpoint without prices, or none listed). */
export async function rproxyPrice(conn: GandiConnection): Promise<RproxyPrice | null> {
  try {
    const lines = await catalogList(conn);
    const base = lines.find((l) => l.resource === 'rproxy');
    if (!base) return null;
    const ssl = lines.find((l) => l.resource === 'rproxy_ssl');
    return { perHour: base.creditsPerHour, sslPerHour: ssl?.creditsPerHour ?? 0 };
  } catch (err) {
    if (err instanceof GandiError && err.kind === 'fault') return null;
    throw err;
  }
}

export async function getRproxyPage(conn: GandiConnection): Promise<RproxyPage> {
  const [rproxies, datacenters, choices, price] = await Promise.all([
    listAll(conn, rproxyList, { sort_by: 'name ASC' }),
    datacenterList(conn),
    backendChoices(conn),
    rproxyPrice(conn),
  ]);
  const open = datacenters.filter((dc) => dc.iaasClosedFor !== 'ALL');
  return {
    rows: rproxies.map((rp) => toRow(rp, datacenters)),
    openDatacenters: open.map((dc) => ({
      id: dc.id,
      label: `${dc.dcCode ?? dc.name} — ${dc.name}`,
    })),
    choices: choices.filter((c) => open.some((dc) => dc.id === c.datacenterId)),
    price,
  };
}

export interface RproxyDetail {
  rproxy: Rproxy;
  datacenter: string;
  /** Backend id → the VM it belongs to, when it is one of the account's addresses. */
  backendHosts: Record<Id, string>;
  choices: BackendChoice[];
}

/** One load balancer; null when it does not exist for this account. */
export async function getRproxyDetail(conn: GandiConnection, id: Id): Promise<RproxyDetail | null> {
  let rproxy: Rproxy;
  try {
    rproxy = await rproxyInfo(conn, id);
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') return null;
    throw err;
  }
  const choices = await backendChoices(conn, rproxy.datacenterId);
  const backendHosts: Record<Id, string> = {};
  for (const b of rproxy.backends) {
    const host = choices.find((c) => c.ip === b.ip)?.hostname;
    if (host) backendHosts[b.id] = host;
  }
  return {
    rproxy,
    datacenter: rproxy.datacenter
      ? `${rproxy.datacenter.dcCode ?? rproxy.datacenter.name} — ${rproxy.datacenter.name}`
      : `#${rproxy.datacenterId}`,
    backendHosts,
    choices,
  };
}
