import type { RawVlan } from './raw-types';
import { reshapeVlan } from './reshape';
import { asCount, asListOf, asOne, asOperation, optionsParam, read, write } from './rpc';
import type {
  GandiConnection,
  Id,
  ListOptions,
  Operation,
  Vlan,
  VlanSpec,
  VlanUpdateSpec,
} from './types';

/** `hosting.vlan.list`: private VLANs. */
export function vlanList(conn: GandiConnection, options?: ListOptions): Promise<Vlan[]> {
  return read(
    conn,
    'hosting.vlan.list',
    optionsParam(options),
    asListOf<RawVlan, Vlan>('vlan', reshapeVlan),
  );
}

/** `hosting.vlan.count`: how many VLANs match. */
export function vlanCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.vlan.count', optionsParam(options), asCount);
}

/** `hosting.vlan.info`: one VLAN with its datacenter. */
export function vlanInfo(conn: GandiConnection, vlanId: Id): Promise<Vlan> {
  return read(conn, 'hosting.vlan.info', [vlanId], asOne<RawVlan, Vlan>('vlan', reshapeVlan));
}

/** `hosting.vlan.create`: a new VLAN; the (full) operation carries `params.vlan_id`. */
export function vlanCreate(conn: GandiConnection, spec: VlanSpec): Promise<Operation> {
  return write(conn, 'hosting.vlan.create', [{ ...spec }], asOperation);
}

/** `hosting.vlan.update`: renames a VLAN or sets its gateway. */
export function vlanUpdate(
  conn: GandiConnection,
  vlanId: Id,
  spec: VlanUpdateSpec,
): Promise<Operation> {
  return write(conn, 'hosting.vlan.update', [vlanId, { ...spec }], asOperation);
}

/** `hosting.vlan.delete`: deletes a VLAN no interface uses. */
export function vlanDelete(conn: GandiConnection, vlanId: Id): Promise<Operation> {
  return write(conn, 'hosting.vlan.delete', [vlanId], asOperation);
}
