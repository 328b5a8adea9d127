/**
 * The SSE `id:` of an operation stream: every operation the stream has delivered with the version it
 * delivered (`101.3f2a9c01e4,102.77b0…`). The browser sends the last one back as `Last-Event-ID` when
 * it reconnects, so the server can skip what the tab already shows and send only what changed.
 */

/** How many operations an id remembers; older ones are simply sent again after a reconnect. */
export const MAX_REMEMBERED_OPERATIONS = 64;
const MAX_HEADER_LENGTH = 8_192;
const ENTRY = /^(\d{1,15})\.([0-9a-f]{1,32})$/;

export type KnownVersions = Map<number, string>;

export function serializeKnown(known: KnownVersions): string {
  const entries = [...known.entries()].slice(-MAX_REMEMBERED_OPERATIONS);
  return entries.map(([id, version]) => `${id}.${version}`).join(',');
}

/** Parses a `Last-Event-ID`; anything malformed is ignored (the stream then resends everything). */
export function parseKnown(header: string | null | undefined): KnownVersions {
  const known: KnownVersions = new Map();
  if (!header || header.length > MAX_HEADER_LENGTH) return known;
  for (const part of header.split(',')) {
    const match = ENTRY.exec(part.trim());
    if (!match) continue;
    known.set(Number(match[1]), match[2] as string);
    if (known.size >= MAX_REMEMBERED_OPERATIONS * 2) break;
  }
  return known;
}
