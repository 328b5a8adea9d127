import { int, onlyKeys, str, type Struct } from '../args';
import { dataFault, notFound } from '../faults';
import { SNAPSHOT_PROFILE_BY_ID } from '../state/catalog';
import type { XmlParam } from '../xmlrpc/values';

/** Disk sizes in MB (reference §9.2): at least 1 GB, at most 1 TB here (the real limit is unknown). */
export const MIN_DISK_MB = 1024;
export const MAX_DISK_MB = 1048576;

export function diskSizeValue(raw: XmlParam | undefined): number {
  const size = int(raw, 'size');
  if (size < MIN_DISK_MB || size > MAX_DISK_MB) {
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_SIZE',
      `size: ${size} is not between ${MIN_DISK_MB} and ${MAX_DISK_MB}`,
    );
  }
  return size;
}

export function diskNameValue(raw: XmlParam | undefined): string {
  const name = str(raw, 'name');
  if (name.length < 1 || name.length > 255)
    throw dataFault('OBJECT_DISK', 'CAUSE_BADPARAMETER', 'name: 1 to 255 characters');
  return name;
}

export function snapshotProfileValue(raw: XmlParam | undefined): number {
  const id = int(raw, 'snapshot_profile');
  if (!SNAPSHOT_PROFILE_BY_ID.has(id))
    throw notFound('OBJECT_SNAPSHOT_PROFILE', 'Snapshot profile', id);
  return id;
}

/** The `disk_spec` of a copy (create_from): optional name/size (never below the source's). */
export function parseDiskSize(
  spec: Struct,
  sourceSize: number,
  datacenterId: number,
  allowed: readonly string[],
): { name: string | null; size: number; snapshotProfileId: number | null } {
  onlyKeys(spec, allowed, 'disk_spec');
  if (
    spec.datacenter_id !== undefined &&
    int(spec.datacenter_id, 'datacenter_id') !== datacenterId
  ) {
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_DATACENTER',
      'The disk and its source must be in the same datacenter',
    );
  }
  if (spec.type !== undefined && str(spec.type, 'type') !== 'data') {
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_BADPARAMETER',
      `type: '${String(spec.type)}' is not allowed here`,
    );
  }
  const name = spec.name === undefined ? null : diskNameValue(spec.name);
  const size = spec.size === undefined ? sourceSize : diskSizeValue(spec.size);
  if (size < sourceSize)
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_CANNOT_SHRINK',
      `size: ${size} is smaller than the source (${sourceSize})`,
    );
  const snapshotProfileId =
    spec.snapshot_profile === undefined ? null : snapshotProfileValue(spec.snapshot_profile);
  return { name, size, snapshotProfileId };
}
