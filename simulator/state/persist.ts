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

  /** The persisted state, or null when the directory holds none yet. */
  load(): Store | null {
    fs.mkdirSync(this.dir, { recursive: true });
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
      store.markClean();
    }
    return store;
  }

  /** Appends what the last request changed; returns once it is on disk. */
  append(change: ChangeSet, store: Store): void {
    this.seq++;
    const line = JSON.stringify({ seq: this.seq, ...change }) + '\n';
    if (this.fd === null) this.fd = fs.openSync(path.join(this.dir, JOURNAL), 'a');
    fs.writeSync(this.fd, line);
    fs.fsyncSync(this.fd);
    this.entries++;
    this.bytes += Buffer.byteLength(line);
    if (this.entries >= COMPACT_AFTER_ENTRIES || this.bytes >= COMPACT_AFTER_BYTES)
      this.compact(store);
  }

  /** Writes the whole state as the new snapshot, then empties the journal. */
  compact(store: Store): void {
    const snapshot: SnapshotFile = { ...store.serialize(), seq: this.seq };
    const target = path.join(this.dir, SNAPSHOT);
    const temp = `${target}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(snapshot));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    syncDir(this.dir);
    // Entries up to `seq` are in the snapshot now; a crash before this truncate only leaves
    // entries that load() skips.
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    fs.writeFileSync(path.join(this.dir, JOURNAL), '');
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
