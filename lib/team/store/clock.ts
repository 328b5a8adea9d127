import { randomUUID } from 'node:crypto';

/** Time and ids come through here so storage tests can fix both. */
export interface StoreClock {
  now(): Date;
  id(): string;
}

export const systemClock: StoreClock = { now: () => new Date(), id: () => randomUUID() };
