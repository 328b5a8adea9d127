import 'server-only';

/** The gate: one decision for every upstream mutation a team member causes (see README). */
export { decideCall } from './decide';
export {
  decideFor,
  decisionError,
  gatedConnection,
  GateHold,
  GateRefusal,
  portalGateDeps,
  type GateOptions,
} from './gated-connection';
export { CALL_RULES, callRule } from './call-rules';
export type {
  GateCall,
  GateDecision,
  GateDeps,
  GateMember,
  GateReads,
  RefusalKind,
} from './gate-types';
