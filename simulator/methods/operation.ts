import { expectArity } from '../args';
import { dataFault } from '../faults';
import type { ListSpec } from '../filters';
import { cancelOperation } from '../state/operations';
import { fullOperationView } from '../views';
import { owned, type CallContext, type MethodDef } from './context';
import { DATE, ID, listAndCount, ownedInfo, STR } from './listing';

/** operation.{info,list,count,cancel} (reference §3). */

const OPERATION_SPEC: ListSpec = {
  id: ID,
  type: STR,
  step: STR,
  vm_id: ID,
  disk_id: ID,
  iface_id: ID,
  ip_id: ID,
  date_created: DATE,
  date_start: DATE,
  date_updated: DATE,
};

const operations = listAndCount(OPERATION_SPEC, (ctx: CallContext) => {
  const now = ctx.sim.now();
  return ctx.sim.store
    .owned('op', ctx.account.id)
    .map((op) => fullOperationView(op, ctx.account.handle, now));
});

export const OPERATION_METHODS: Record<string, MethodDef> = {
  'operation.info': ownedInfo('op', 'operation', (op, ctx) =>
    fullOperationView(op, ctx.account.handle, ctx.sim.now()),
  ),
  'operation.list': operations.list,
  'operation.count': operations.count,
  'operation.cancel': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const op = owned(ctx, 'op', ctx.args[0], 'operation');
      if (op.type === 'hosting_migration_vm' && op.step === 'RUN') {
        throw dataFault(
          'OBJECT_OPERATION',
          'CAUSE_STATE',
          `Operation ${op.id} is running and cannot be cancelled`,
        );
      }
      if (!cancelOperation(ctx.sim, op)) {
        throw dataFault(
          'OBJECT_OPERATION',
          'CAUSE_STATE',
          `Operation ${op.id} is ${op.step} and cannot be cancelled`,
        );
      }
      return true;
    },
  },
};
