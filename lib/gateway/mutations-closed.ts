import { dataFault } from './faults';
import type { MutationRunner } from './gateway-call';

const NOT_YET = 'Changes through the XML-RPC endpoint are not available yet';

/** Fail closed: without the gate, no mutation reaches the upstream through the endpoint. */
export const refuseEveryMutation: MutationRunner = async (call) => ({
  kind: 'refused',
  fault: dataFault(call.object, 'CAUSE_NORIGHT', NOT_YET),
  message: NOT_YET,
});
