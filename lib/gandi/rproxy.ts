import type { XmlRpcValue } from './decoder';
import {
  reshapeDnsEntries,
  reshapeProbeTest,
  reshapeRproxy,
  reshapeRproxyBackend,
  reshapeRproxyVhost,
} from './reshape-rproxy';
import { struct } from './reshape-values';
import {
  asCount,
  asListOf,
  asOne,
  asOperation,
  asOperations,
  optionsParam,
  read,
  write,
} from './rpc';
import type {
  RawProbeTest,
  RawRproxy,
  RawRproxyServer,
  RawRproxyVhost,
  Rproxy,
  RproxyBackend,
  RproxyBackendSpec,
  RproxyDnsEntries,
  RproxyProbeResult,
  RproxyProbeSpec,
  RproxySpec,
  RproxyUpdateSpec,
  RproxyVhost,
  RproxyVhostSpec,
} from './rproxy-types';
import type { CallParam } from './transport';
import type { GandiConnection, Id, ListOptions, Operation } from './types';

/** The Web Accelerator (`hosting.rproxy.*`, reference §16): load balancers. */

type Params = { [member: string]: CallParam };
/** A spec as an XML-RPC struct (the specs are plain JSON objects). */
const asStruct = (spec: object): Params => ({ ...(spec as Params) });

const asRproxy = asOne<RawRproxy, Rproxy>('rproxy', reshapeRproxy);

/** `hosting.rproxy.list`: the account's load balancers (no `lb`, `datacenter_id` only). */
export function rproxyList(conn: GandiConnection, options?: ListOptions): Promise<Rproxy[]> {
  return read(
    conn,
    'hosting.rproxy.list',
    optionsParam(options),
    asListOf('rproxy', reshapeRproxy),
  );
}

/** `hosting.rproxy.count`. */
export function rproxyCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.rproxy.count', optionsParam(options), asCount);
}

/** `hosting.rproxy.info`: one load balancer with its datacenter and algorithm. */
export function rproxyInfo(conn: GandiConnection, rproxyId: Id): Promise<Rproxy> {
  return read(conn, 'hosting.rproxy.info', [rproxyId], asRproxy);
}

/** `hosting.rproxy.create`: a list of operations (`rproxy_iaas_create` carries `params.rproxy_id`). */
export function rproxyCreate(conn: GandiConnection, spec: RproxySpec): Promise<Operation[]> {
  return write(conn, 'hosting.rproxy.create', [asStruct(spec)], asOperations);
}

/** `hosting.rproxy.update`: name, algorithm (`lb`) or SSL. */
export function rproxyUpdate(
  conn: GandiConnection,
  rproxyId: Id,
  spec: RproxyUpdateSpec,
): Promise<Operation> {
  return write(conn, 'hosting.rproxy.update', [rproxyId, asStruct(spec)], asOperation);
}

/** `hosting.rproxy.delete`. */
export function rproxyDelete(conn: GandiConnection, rproxyId: Id): Promise<Operation> {
  return write(conn, 'hosting.rproxy.delete', [rproxyId], asOperation);
}

/** `hosting.rproxy.server.list`: backends of every load balancer (filter `rproxy_id`, `ip`, `port`). */
export function rproxyServerList(
  conn: GandiConnection,
  options?: ListOptions,
): Promise<RproxyBackend[]> {
  return read(
    conn,
    'hosting.rproxy.server.list',
    optionsParam(options),
    asListOf<RawRproxyServer, RproxyBackend>('server', reshapeRproxyBackend),
  );
}

/** `hosting.rproxy.server.count`. */
export function rproxyServerCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.rproxy.server.count', optionsParam(options), asCount);
}

/** `hosting.rproxy.server.create`: adds a backend `{ip, port}`. */
export function rproxyServerCreate(
  conn: GandiConnection,
  rproxyId: Id,
  spec: RproxyBackendSpec,
): Promise<Operation> {
  return write(conn, 'hosting.rproxy.server.create', [rproxyId, asStruct(spec)], asOperation);
}

/** `hosting.rproxy.server.delete`. */
export function rproxyServerDelete(conn: GandiConnection, serverId: Id): Promise<Operation> {
  return write(conn, 'hosting.rproxy.server.delete', [serverId], asOperation);
}

/** `hosting.rproxy.server.enable`: a disabled backend takes traffic again. */
export function rproxyServerEnable(conn: GandiConnection, serverId: Id): Promise<Operation> {
  return write(conn, 'hosting.rproxy.server.enable', [serverId], asOperation);
}

/** `hosting.rproxy.server.disable`: the backend stops taking traffic. */
export function rproxyServerDisable(conn: GandiConnection, serverId: Id): Promise<Operation> {
  return write(conn, 'hosting.rproxy.server.disable', [serverId], asOperation);
}

/** `hosting.rproxy.vhost.list`. */
export function rproxyVhostList(
  conn: GandiConnection,
  options?: ListOptions,
): Promise<RproxyVhost[]> {
  return read(
    conn,
    'hosting.rproxy.vhost.list',
    optionsParam(options),
    asListOf<RawRproxyVhost, RproxyVhost>('vhost', reshapeRproxyVhost),
  );
}

/** `hosting.rproxy.vhost.count`. */
export function rproxyVhostCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.rproxy.vhost.count', optionsParam(options), asCount);
}

/** `hosting.rproxy.vhost.create`: fault 580142 when the domain is not validated (see get_dns_entries). */
export function rproxyVhostCreate(
  conn: GandiConnection,
  rproxyId: Id,
  spec: RproxyVhostSpec,
): Promise<Operation> {
  return write(conn, 'hosting.rproxy.vhost.create', [rproxyId, asStruct(spec)], asOperation);
}

/** `hosting.rproxy.vhost.delete`: by name, as the API takes it. */
export function rproxyVhostDelete(conn: GandiConnection, vhost: string): Promise<Operation> {
  return write(conn, 'hosting.rproxy.vhost.delete', [vhost], asOperation);
}

/**
 * `hosting.rproxy.vhost.get_dns_entries`: the TXT and CNAME records that validate the vhost's
 * domain. A write: the endpoint may record that the records were handed out.
 */
export function rproxyVhostGetDnsEntries(
  conn: GandiConnection,
  spec: { datacenter: Id; vhost: string },
): Promise<RproxyDnsEntries> {
  return write(conn, 'hosting.rproxy.vhost.get_dns_entries', [asStruct(spec)], (v: XmlRpcValue) =>
    reshapeDnsEntries(struct<Record<string, unknown>>(v, 'dns entries')),
  );
}

/** `hosting.rproxy.probe.update`: probe settings (`null` leaves one as it is) and `enable`. */
export function rproxyProbeUpdate(
  conn: GandiConnection,
  rproxyId: Id,
  spec: RproxyProbeSpec,
): Promise<Operation> {
  return write(conn, 'hosting.rproxy.probe.update', [rproxyId, asStruct(spec)], asOperation);
}

/** `hosting.rproxy.probe.enable`. */
export function rproxyProbeEnable(conn: GandiConnection, rproxyId: Id): Promise<Operation> {
  return write(conn, 'hosting.rproxy.probe.enable', [rproxyId], asOperation);
}

/** `hosting.rproxy.probe.disable`. */
export function rproxyProbeDisable(conn: GandiConnection, rproxyId: Id): Promise<Operation> {
  return write(conn, 'hosting.rproxy.probe.disable', [rproxyId], asOperation);
}

/** `hosting.rproxy.probe.test`: each backend's answer to the probe (saved settings, or `spec` over them). */
export function rproxyProbeTest(
  conn: GandiConnection,
  rproxyId: Id,
  spec: RproxyProbeSpec = {},
): Promise<RproxyProbeResult> {
  return read(
    conn,
    'hosting.rproxy.probe.test',
    [rproxyId, asStruct(spec)],
    asOne<RawProbeTest, RproxyProbeResult>('probe test', reshapeProbeTest),
  );
}
