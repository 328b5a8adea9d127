/** The one shape every server action returns to the browser (safe to import from client code). */
export type ActionState<T = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; data: T; message?: string }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string[]> };

export const idleState: { status: 'idle' } = { status: 'idle' };

/** The first error for `field`, if any (for `<FieldError>`). */
export function fieldError(state: ActionState<unknown>, field: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors?.[field]?.[0] : undefined;
}

/**
 * Whether a refusal may be sent to the team's admins instead (over quota, held by the policy):
 * then it is an offer to ask, shown as such rather than as an error.
 */
export function offersApproval(message: string | undefined): boolean {
  return (
    message?.startsWith('Over quota') === true || message?.startsWith('Needs approval') === true
  );
}
