import type { RawSnapshotProfile } from './raw-types';
import { reshapeSnapshotProfile } from './reshape';
import { asListOf, optionsParam, read } from './rpc';
import type { GandiConnection, ListOptions, SnapshotProfile } from './types';

/** `hosting.snapshotprofile.list`: automatic snapshot profiles (filters `id`, `name`). */
export function snapshotProfileList(
  conn: GandiConnection,
  options?: ListOptions,
): Promise<SnapshotProfile[]> {
  return read(
    conn,
    'hosting.snapshotprofile.list',
    optionsParam(options),
    asListOf<RawSnapshotProfile, SnapshotProfile>('snapshot profile', reshapeSnapshotProfile),
  );
}
