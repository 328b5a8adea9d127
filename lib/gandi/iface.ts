import type { RawIface } from './raw-types';
import { reshapeIface } from './reshape';
import { asCount, asListOf, asOne, asOperation, optionsParam, read, write } from './rpc';
import type { GandiConnection, Id, Iface, IfaceSpec, ListOptions, Operation } from './types';

/** `hosting.iface.list`: network interfaces (with `ipIds`, without `ips`). */
export function ifaceList(conn: GandiConnection, options?: ListOptions): Promise<Iface[]> {
  return read(
    conn,
    'hosting.iface.list',
    optionsParam(options),
    asListOf<RawIface, Iface>('iface', reshapeIface),
  );
}

/** `hosting.iface.count`: how many interfaces match. */
export function ifaceCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.iface.count', optionsParam(options), asCount);
}

/** `hosting.iface.info`: one interface, with its IPs. */
export function ifaceInfo(conn: GandiConnection, ifaceId: Id): Promise<Iface> {
  return read(conn, 'hosting.iface.info', [ifaceId], asOne<RawIface, Iface>('iface', reshapeIface));
}

/** `hosting.iface.create`: a new interface (public, or private in a VLAN); the op carries iface_id. */
export function ifaceCreate(conn: GandiConnection, spec: IfaceSpec): Promise<Operation> {
  return write(conn, 'hosting.iface.create', [{ ...spec }], asOperation);
}

/** `hosting.iface.update`: changes the bandwidth (kbit/s). */
export function ifaceUpdate(
  conn: GandiConnection,
  ifaceId: Id,
  spec: { bandwidth: number },
): Promise<Operation> {
  return write(conn, 'hosting.iface.update', [ifaceId, { ...spec }], asOperation);
}

/** `hosting.iface.delete`: deletes a detached interface and its IPs. */
export function ifaceDelete(conn: GandiConnection, ifaceId: Id): Promise<Operation> {
  return write(conn, 'hosting.iface.delete', [ifaceId], asOperation);
}
