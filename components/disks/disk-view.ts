import type { Attachment } from '@/lib/dal/disks';

/**
 * What the disk page's client components get: plain values only (no connection, nothing secret),
 * built on the server from `getDiskDetail`.
 */
export interface DiskView {
  id: number;
  name: string;
  sizeMb: number;
  type: string;
  state: string;
  datacenterId: number;
  datacenterName: string;
  canSnapshot: boolean;
  snapshotIds: number[];
  vmIds: number[];
  attachment: Attachment | null;
  kernel: string | null;
  /** Neither a system disk nor made from an image: it boots nothing, so it has no kernel to pick. */
  isDataDisk: boolean;
  cmdline: string;
  snapshotProfileId: number | null;
  isMigrating: boolean;
  /** Datacenters this disk's datacenter can migrate to (`can_migrate_to`). */
  migrationTargets: { id: number; label: string }[];
}

export interface SnapshotView {
  id: number;
  name: string;
  sizeMb: number;
  state: string;
  created: string;
}

export interface VmChoice {
  id: number;
  hostname: string;
  state: string;
  diskCount: number;
}

/** What a form reports when its action started operations. */
export type OnStarted = (
  title: string,
  data: { operations: { id: number; type: string }[] },
) => void;
