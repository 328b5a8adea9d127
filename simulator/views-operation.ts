import { etaSeconds } from './state/operations';
import type { OperationRec } from './state/types';
import type { XmlValue } from './xmlrpc/values';

type Struct = { [key: string]: XmlValue };

const date = (ms: number): Date => new Date(ms);
const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** The short "hosting operation" struct returned by vm/disk/iface/ip mutators (reference §3.3a). */
export function shortOperationView(op: OperationRec, handle: string): Struct {
  return {
    iface_id: op.ifaceId,
    date_updated: date(op.dateUpdated),
    vm_id: op.vmId,
    date_start: dateOrNull(op.dateStart),
    disk_id: op.diskId,
    source: handle,
    step: op.step,
    ip_id: op.ipId,
    date_created: date(op.dateCreated),
    type: op.type,
    id: op.id,
  };
}

/**
 * The full struct of operation.info/list and vlan mutators (§3.3b). Hosting operations also carry
 * their object ids at top level (the reference's advice: both there and in `params`); vlan ones
 * keep exactly the recorded member set.
 */
export function fullOperationView(op: OperationRec, handle: string, now: number): Struct {
  const out: Struct = {
    last_support_error: null,
    errortype: op.step === 'ERROR' ? 'hosting' : null,
    date_updated: date(op.dateUpdated),
    last_error: op.lastError,
    date_start: dateOrNull(op.dateStart),
    session_id: null,
    source: handle,
    step: op.step,
    eta: etaSeconds(op, now),
    params: op.params as Struct,
    date_created: date(op.dateCreated),
    infos: {
      product_action: op.type,
      product_type: 'hosting',
      id: '',
      extras: {},
      label: '',
      product_name: '',
      quantity: '',
    },
    type: op.type,
    id: op.id,
  };
  if (!op.type.startsWith('vlan_')) {
    out.vm_id = op.vmId;
    out.disk_id = op.diskId;
    out.iface_id = op.ifaceId;
    out.ip_id = op.ipId;
  }
  return out;
}
