import { createHash, randomUUID } from 'node:crypto';
import type { SharedDb } from './db';

/** An open stream's slot: refresh it while the stream lives, give it back when it ends. */
export interface StreamSlot {
  refresh(): Promise<void>;
  release(): Promise<void>;
}

export interface StreamSlotOptions {
  /** Slots per session. */
  max: number;
  /** A slot not refreshed for this long is free again (its replica died). */
  ttlMs: number;
  now?: () => number;
}

/**
 * Open streams per session, counted in the shared storage so that the limit holds across
 * replicas (counted per process, two replicas would allow twice as many). A session has `max`
 * numbered slots; taking one is a single upsert that succeeds only on a free or expired slot, so
 * racing streams on any replica can never hold more than `max` between them, with no lock.
 */
export class StreamSlots {
  private readonly now: () => number;

  constructor(
    private readonly db: SharedDb,
    private readonly options: StreamSlotOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** A slot for one more stream of `session`, or null when all of its slots are taken. */
  async acquire(session: string): Promise<StreamSlot | null> {
    const owner = createHash('sha256').update(session).digest('hex');
    const holder = randomUUID();
    for (let slot = 0; slot < this.options.max; slot += 1) {
      const expires = this.now() + this.options.ttlMs;
      const row = await this.db
        .insertInto('stream_slots')
        .values({ owner, slot, holder, expires_at: expires })
        .onConflict((oc) =>
          oc
            .columns(['owner', 'slot'])
            .doUpdateSet({ holder, expires_at: expires })
            .where('stream_slots.expires_at', '<=', this.now()),
        )
        .returning('holder')
        .executeTakeFirst();
      if (row?.holder === holder) return this.held(owner, slot, holder);
    }
    return null;
  }

  private held(owner: string, slot: number, holder: string): StreamSlot {
    return {
      refresh: async () => {
        await this.db
          .updateTable('stream_slots')
          .set({ expires_at: this.now() + this.options.ttlMs })
          .where('owner', '=', owner)
          .where('slot', '=', slot)
          .where('holder', '=', holder)
          .execute();
      },
      release: async () => {
        await this.db
          .deleteFrom('stream_slots')
          .where('owner', '=', owner)
          .where('slot', '=', slot)
          .where('holder', '=', holder)
          .execute();
      },
    };
  }
}
