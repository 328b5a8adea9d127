import type { z } from 'zod';
import { ActionError } from '@/lib/action';
import type { GandiConnection } from '@/lib/gandi';
import type { GateCall } from '../../gate/gate-types';

/**
 * What one kind of held request is: how its parameters are checked (again, when it runs), how it
 * is named on the approvals page, and how the portal runs it once approved. Adding a kind is one
 * module and one line in `index.ts`.
 */

export interface RequestRun {
  operations: { id: number }[];
  /**
   * The next step, run once every operation above is DONE — a delete after the stop it needs,
   * an attach after the creation. Not named `then`: this object is awaited.
   */
  afterDone?: () => Promise<RequestRun>;
}

export interface RunContext {
  /** Gated for the requester: every call the run makes is decided again as it is sent. */
  conn: GandiConnection;
  workspaceId: string;
  /** The call stored when the request was filed (null for requests filed before). */
  call?: GateCall | null;
  /** `resume` only: the operations recorded so far (all ended DONE). */
  operationIds?: readonly number[];
}

export interface ApprovalKind<P> {
  action: string;
  params: z.ZodType<P>;
  /** A creation: what it creates belongs to the requester (deletes and changes own nothing new). */
  creates: boolean;
  describe(params: P): string;
  run(params: P, ctx: RunContext): Promise<RequestRun>;
  /**
   * The next step derived from the recorded operations and the upstream state (no closure), for a
   * replica that takes over a request in steps after the one running it stopped. A step that may
   * have run is looked up upstream before it is repeated. Every kind in steps has one; a one-step
   * kind needs none (its recorded operations are its end).
   */
  resume?(params: P, ctx: RunContext): Promise<RequestRun>;
}

/** A kind with its parameters still unchecked (as read back from the database). */
export interface RegisteredKind {
  action: string;
  creates: boolean;
  describe(params: unknown): string | null;
  run(params: unknown, ctx: RunContext): Promise<RequestRun>;
  resume?(params: unknown, ctx: RunContext): Promise<RequestRun>;
}

/** Shown to the admin as it is (a stored request is input too, and checked again). */
export class DamagedRequestError extends ActionError {
  constructor() {
    super('This request is damaged: it cannot run.');
    this.name = 'DamagedRequestError';
  }
}

export function defineKind<P>(kind: ApprovalKind<P>): RegisteredKind {
  return {
    action: kind.action,
    creates: kind.creates,
    describe: (raw) => {
      const parsed = kind.params.safeParse(raw);
      return parsed.success ? kind.describe(parsed.data) : null;
    },
    run: async (raw, ctx) => {
      const parsed = kind.params.safeParse(raw);
      if (!parsed.success) throw new DamagedRequestError();
      return kind.run(parsed.data, ctx);
    },
    ...(kind.resume
      ? {
          resume: async (raw: unknown, ctx: RunContext) => {
            const parsed = kind.params.safeParse(raw);
            if (!parsed.success) throw new DamagedRequestError();
            return kind.resume!(parsed.data, ctx);
          },
        }
      : {}),
  };
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
