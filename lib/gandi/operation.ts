import { asBoolean, asCount, asOperation, asOperations, optionsParam, read, write } from './rpc';
import type { GandiConnection, Id, ListOptions, Operation } from './types';

/** `operation.info`: one operation, full shape. */
export function operationInfo(conn: GandiConnection, operationId: Id): Promise<Operation> {
  return read(conn, 'operation.info', [operationId], asOperation);
}

/** `operation.list`: one page of operations (filters such as `step`, `type`, `vm_id`). */
export function operationList(conn: GandiConnection, options?: ListOptions): Promise<Operation[]> {
  return read(conn, 'operation.list', optionsParam(options), asOperations);
}

/** `operation.count`: how many operations match the filters. */
export function operationCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'operation.count', optionsParam(options), asCount);
}

/** `operation.cancel`: sets a pending operation's step to CANCEL. */
export function operationCancel(conn: GandiConnection, operationId: Id): Promise<boolean> {
  return write(conn, 'operation.cancel', [operationId], asBoolean);
}
