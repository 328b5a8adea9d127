/**
 * What a delete action returns when the approval policy held it (plain data, shared with the
 * browser): no operation started, a request filed instead. `operations` stays (empty) so that
 * callers following "the operations it started" need no second shape.
 */
export interface HeldForApproval {
  heldForApproval: { requestId: string; why: string };
  operations: [];
}

export function heldForApproval(requestId: string, why: string): HeldForApproval {
  return { heldForApproval: { requestId, why }, operations: [] };
}

/** The request a result was turned into, or null when the action ran. */
export function heldRequestOf(data: unknown): HeldForApproval['heldForApproval'] | null {
  if (!data || typeof data !== 'object' || !('heldForApproval' in data)) return null;
  const held = (data as HeldForApproval).heldForApproval;
  return typeof held?.requestId === 'string' ? held : null;
}

export function isHeldForApproval<T extends object>(
  data: T | HeldForApproval,
): data is HeldForApproval {
  return heldRequestOf(data) !== null;
}
