import fs from 'node:fs';
import path from 'node:path';
import { Store, type ChangeSet, type SerializedState } from './store';

/**
 * Crash-safe persistence: a snapshot (`state.json`, replaced atomically: temp file, fsync, rename,
 * fsync of the directory) plus an append-only journal (`journal.ndjson`, one fsynced line per
 * request that changed something, written before the answer is sent). Loading replays the journal
 * over the snapshot; a torn last line (a kill mid-write, never acknowledged) is dropped.
 * The journal is folded into a new snapshot when it grows past a threshold.
 */

const SNAPSHOT = 'state.json';
const JOURNAL = 'journal.ndjson';
/** Overridable so the crash test can make kills land during compactions too. */
const COMPACT_AFTER_ENTRIES = Number(process.env.GANDI_SIM_COMPACT_AFTER) || 1000;
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

interface SnapshotFile extends SerializedState {
  seq: number;
}

interface JournalEntry extends ChangeSet {
  seq: number;
}

export class Persistence {
  private fd: number | null = null;
  private seq = 0;
  private entries = 0;
  private bytes = 0;

  constructor(readonly dir: string) {}

  /** Set when a journal write failed: the file may end with bytes nobody acknowledged. */
  private tailSuspect = false;

  /** The persisted state, or null when the directory holds none yet. */
  load(): Store | null {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    removeCompactionLeftovers(this.dir);
    const snapshotPath = path.join(this.dir, SNAPSHOT);
    let store: Store | null = null;
    if (fs.existsSync(snapshotPath)) {
      const snapshot = JSON.parse(fs.readFileSync(snapshotPath, 'utf8')) as SnapshotFile;
      store = Store.fromSerialized(snapshot);
      this.seq = snapshot.seq;
    }
    const journalPath = path.join(this.dir, JOURNAL);
    if (fs.existsSync(journalPath)) {
      const text = fs.readFileSync(journalPath, 'utf8');
      let goodBytes = 0;
      let offset = 0;
      while (offset < text.length) {
        const newline = text.indexOf('\n', offset);
        if (newline < 0) break; // torn tail: never acknowledged
        let entry: JournalEntry;
        try {
          entry = JSON.parse(text.slice(offset, newline)) as JournalEntry;
        } catch {
          break;
        }
        offset = newline + 1;
        goodBytes = Buffer.byteLength(text.slice(0, offset));
        if (entry.seq <= this.seq) continue; // already folded into the snapshot
        if (!store) store = new Store(entry.counters);
        store.applyChanges(entry);
        this.seq = entry.seq;
        this.entries++;
      }
      if (goodBytes < fs.statSync(journalPath).size) fs.truncateSync(journalPath, goodBytes);
      this.bytes = goodBytes;
    }
    if (store) {
      store.pendingOps.sort((a, b) => a - b);
      store.rebuildRates();
      store.markClean();
    }
    return store;
  }

  /**
   * Appends what the last request changed; returns once it is on disk. Throws if it is not (disk
   * full, EIO): the caller must then not acknowledge the change and must `reload()` the state.
   */
  append(change: ChangeSet, store: Store): void {
    const line = JSON.stringify({ seq: this.seq + 1, ...change }) + '\n';
    const bytes = Buffer.from(line);
    try {
      if (this.fd === null) this.fd = fs.openSync(path.join(this.dir, JOURNAL), 'a', 0o600);
      for (let written = 0; written < bytes.length;)
        written += fs.writeSync(this.fd, bytes, written, bytes.length - written);
      fs.fsyncSync(this.fd);
    } catch (error) {
      // Part of the line may be in the file; the handle may be unusable: drop it (the next write
      // opens the file again) and let reload() cut the file back to what was acknowledged.
      this.tailSuspect = true;
      this.dropHandle();
      throw error;
    }
    this.seq++;
    this.entries++;
    this.bytes += bytes.length;
    if (this.entries >= COMPACT_AFTER_ENTRIES || this.bytes >= COMPACT_AFTER_BYTES) {
      try {
        this.compact(store);
      } catch (error) {
        // The change is durable in the journal; folding it in can wait for a disk with room.
        console.error('simulator: compaction failed, will retry:', describeError(error));
      }
    }
  }

  /**
   * The state as acknowledged on disk, after a failed write: the journal is cut back to its last
   * acknowledged entry (throws while that is impossible, e.g. the disk still fails).
   */
  reload(): Store | null {
    this.dropHandle();
    if (this.tailSuspect) {
      const journal = path.join(this.dir, JOURNAL);
      if (fs.existsSync(journal)) fs.truncateSync(journal, this.bytes);
      this.tailSuspect = false;
    }
    this.seq = 0;
    this.entries = 0;
    this.bytes = 0;
    return this.load();
  }

  private dropHandle(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Closing a handle whose writes failed can fail too; it is gone either way.
    }
    this.fd = null;
  }

  /** Writes the whole state as the new snapshot, then empties the journal. */
  compact(store: Store): void {
    const snapshot: SnapshotFile = { ...store.serialize(), seq: this.seq };
    const target = path.join(this.dir, SNAPSHOT);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      const fd = fs.openSync(temp, 'w', 0o600);
      try {
        fs.writeSync(fd, JSON.stringify(snapshot));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
    syncDir(this.dir);
    // Entries up to `seq` are in the snapshot now; a crash before this truncate only leaves
    // entries that load() skips.
    this.dropHandle();
    fs.writeFileSync(path.join(this.dir, JOURNAL), '', { mode: 0o600 });
    this.tailSuspect = false;
    this.entries = 0;
    this.bytes = 0;
    store.markClean();
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** `state.json.<pid>.tmp` files a compaction left when it was killed before its rename. */
function removeCompactionLeftovers(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(`${SNAPSHOT}.`) && name.endsWith('.tmp'))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
