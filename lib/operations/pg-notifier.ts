import type { TeamDb } from '@/lib/team/db/connect';
import type { Client } from 'pg';
import { pgNotify, type Notifier, type WatchNote } from './watch-board';

const RECONNECT_MS = 1_000;

/** Parses a note from the wire; anything else on the channel is ignored. */
export function parseNote(payload: string | undefined): WatchNote | null {
  if (!payload) return null;
  try {
    const note = JSON.parse(payload) as Partial<WatchNote>;
    if (typeof note.a !== 'string' || typeof note.f !== 'string') return null;
    if (!['c', 'w', 'l', 'n'].includes(note.k as string)) return null;
    if (note.o !== undefined && !(Array.isArray(note.o) && note.o.every(Number.isSafeInteger)))
      return null;
    return note as WatchNote;
  } catch {
    return null;
  }
}

/**
 * Notes between replicas over PostgreSQL LISTEN/NOTIFY: sent through the pool, received on one
 * dedicated connection per process, which reconnects after a drop and then asks every watcher to
 * re-read the published states (notes sent meanwhile are lost).
 */
export class PgNotifier implements Notifier {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private readonly handlers = new Set<(note: WatchNote) => void>();
  private readonly resyncs = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly db: TeamDb,
    private readonly channel = 'panel_operation_watch',
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error('invalid channel name');
  }

  async publish(note: WatchNote): Promise<void> {
    await pgNotify(this.db, this.channel, note);
  }

  listen(handler: (note: WatchNote) => void, resync?: () => void): () => void {
    this.handlers.add(handler);
    if (resync) this.resyncs.add(resync);
    void this.ensureConnected();
    return () => {
      this.handlers.delete(handler);
      if (resync) this.resyncs.delete(resync);
    };
  }

  /** Resolves once LISTEN is in place (notes published before are not seen). */
  ready(): Promise<void> {
    return this.ensureConnected();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: this.url });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.reconnect(), RECONNECT_MS).unref?.();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel !== this.channel) return;
      const note = parseNote(message.payload);
      if (note) for (const handler of [...this.handlers]) handler(note);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.reconnect(), RECONNECT_MS).unref?.();
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private async reconnect(): Promise<void> {
    try {
      await this.ensureConnected();
      for (const resync of [...this.resyncs]) resync();
    } catch {
      // connect() schedules the next attempt
    }
  }
}
