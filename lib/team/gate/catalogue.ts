import { coresProblem, diskSizeProblem, memoryProblem } from '@/lib/validation/vm';
import type { GateReads } from './gate-types';

/**
 * The catalogue rules of a creation: the datacenter exists and takes new resources, the source
 * disk is an image usable in that datacenter or an existing disk there (whose use the ownership
 * rules then decide), and the sizes fit the source and the API's ranges.
 */

export interface CreationSpec {
  datacenterId: number;
  /** The disk copied (`create_from`), or null. */
  sourceDiskId: number | null;
  /** The new disk's size (MB), when given. */
  sizeMb: number | null;
  cores?: number;
  memoryMb?: number;
  /** Where the new disk goes (a VM's disk must be in the VM's datacenter). */
  diskDatacenterId: number;
}

export type Source =
  | { kind: 'image'; sizeMb: number | null; label: string }
  | { kind: 'disk'; sizeMb: number; datacenterId: number; name: string }
  | { kind: 'missing'; sizeMb: null };

/** What a source disk id is, seen from `datacenterId`: an image offered there, or a disk. */
export async function sourceOf(
  reads: GateReads,
  diskId: number,
  datacenterId: number,
): Promise<Source> {
  const image = (await reads.images(datacenterId)).find(
    (candidate) => candidate.diskId === diskId && candidate.datacenterId === datacenterId,
  );
  if (image) return { kind: 'image', sizeMb: image.size, label: image.label };
  const disk = await reads.disk(diskId);
  if (!disk) return { kind: 'missing', sizeMb: null };
  return { kind: 'disk', sizeMb: disk.size, datacenterId: disk.datacenterId, name: disk.name };
}

export async function catalogueOfCreation(
  reads: GateReads,
  spec: CreationSpec,
): Promise<string | null> {
  const dc = (await reads.datacenters()).find((candidate) => candidate.id === spec.datacenterId);
  if (!dc) return 'That datacenter does not exist.';
  if (dc.iaasClosedFor === 'ALL') return `${dc.name} is closed to new resources.`;
  if (spec.diskDatacenterId !== spec.datacenterId)
    return 'The disk must be made in the datacenter of its VM.';
  if (spec.cores !== undefined) {
    const problem = coresProblem(spec.cores);
    if (problem) return problem;
  }
  if (spec.memoryMb !== undefined) {
    const problem = memoryProblem(spec.memoryMb);
    if (problem) return problem;
  }
  if (spec.sourceDiskId === null) {
    return spec.sizeMb === null ? null : diskSizeProblem(spec.sizeMb, null);
  }
  const source = await sourceOf(reads, spec.sourceDiskId, spec.datacenterId);
  if (source.kind === 'missing')
    return 'The source must be an image offered in this datacenter or one of your disks.';
  if (source.kind === 'disk' && source.datacenterId !== spec.datacenterId)
    return 'A copy is made in the datacenter of its source disk.';
  return spec.sizeMb === null ? null : diskSizeProblem(spec.sizeMb, source.sizeMb);
}
