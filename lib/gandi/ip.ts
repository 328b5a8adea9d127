import type { RawIp } from './raw-types';
import { reshapeIp } from './reshape';
import { asCount, asListOf, asOne, asOperation, optionsParam, read, write } from './rpc';
import type { GandiConnection, Id, IpAddress, ListOptions, Operation } from './types';

/** `hosting.ip.list`: IP addresses (filters `iface_id`, `version`, `~vm_hostname`…). */
export function ipList(conn: GandiConnection, options?: ListOptions): Promise<IpAddress[]> {
  return read(
    conn,
    'hosting.ip.list',
    optionsParam(options),
    asListOf<RawIp, IpAddress>('ip', reshapeIp),
  );
}

/** `hosting.ip.count`: how many IPs match. */
export function ipCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.ip.count', optionsParam(options), asCount);
}

/** `hosting.ip.info`: one IP address. */
export function ipInfo(conn: GandiConnection, ipId: Id): Promise<IpAddress> {
  return read(conn, 'hosting.ip.info', [ipId], asOne<RawIp, IpAddress>('ip', reshapeIp));
}

/** `hosting.ip.update`: sets the reverse DNS name (PTR). */
export function ipUpdate(
  conn: GandiConnection,
  ipId: Id,
  spec: { reverse: string },
): Promise<Operation> {
  return write(conn, 'hosting.ip.update', [ipId, { ...spec }], asOperation);
}
