import 'server-only';
import { sharedDb } from './index';
import { IdempotencyStore, type IdempotencyOptions } from './idempotency';
import { PersonalSessions } from './personal-sessions';
import { SignInThrottle } from './sign-in-throttle';
import { StreamSlots } from './stream-slots';

/**
 * The process-wide handles on the shared storage (on globalThis so every bundle of the app shares
 * them). Each opens the storage on first use only.
 */
const holder = globalThis as typeof globalThis & {
  __sharedThrottle?: Promise<SignInThrottle>;
  __personalSessions?: Promise<PersonalSessions>;
  __idempotency?: Map<string, Promise<IdempotencyStore<unknown>>>;
  __streamSlots?: Promise<StreamSlots>;
};

function once<T>(
  get: () => Promise<T> | undefined,
  set: (v: Promise<T> | undefined) => void,
  make: () => Promise<T>,
): Promise<T> {
  const existing = get();
  if (existing) return existing;
  const created = make();
  set(created);
  // A storage that was down may be up on the next call.
  created.catch(() => {
    if (get() === created) set(undefined);
  });
  return created;
}

export function signInThrottle(): Promise<SignInThrottle> {
  return once(
    () => holder.__sharedThrottle,
    (v) => (holder.__sharedThrottle = v),
    async () => new SignInThrottle(await sharedDb()),
  );
}

/** A working day, as the cookie. */
export const PERSONAL_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function personalSessions(): Promise<PersonalSessions> {
  return once(
    () => holder.__personalSessions,
    (v) => (holder.__personalSessions = v),
    async () => new PersonalSessions(await sharedDb(), { ttlMs: PERSONAL_SESSION_TTL_MS }),
  );
}

/** One idempotency store per purpose (`name` prefixes its keys). */
export function idempotencyStore<T>(
  name: string,
  options: IdempotencyOptions,
): Promise<IdempotencyStore<T>> {
  const stores = (holder.__idempotency ??= new Map());
  const existing = stores.get(name);
  if (existing) return existing as Promise<IdempotencyStore<T>>;
  const created = sharedDb().then((db) => new IdempotencyStore<T>(db, options));
  stores.set(name, created as Promise<IdempotencyStore<unknown>>);
  created.catch(() => {
    if (stores.get(name) === created) stores.delete(name);
  });
  return created;
}

/** A slot not refreshed for this long is free again; an open stream refreshes it 3× as often. */
export const STREAM_SLOT_TTL_MS = 60_000;

export function streamSlots(max: number): Promise<StreamSlots> {
  return once(
    () => holder.__streamSlots,
    (v) => (holder.__streamSlots = v),
    async () => new StreamSlots(await sharedDb(), { max, ttlMs: STREAM_SLOT_TTL_MS }),
  );
}
