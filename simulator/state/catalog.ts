import type { DatacenterRec, ImageRec } from './types';

/**
 * Static catalog data (not per account, never persisted): datacenters, images, kernels, snapshot
 * profiles, metrics. Modelled on the 2018 recordings and gandi.cli's mocks (reference §6, §7, §9, §14).
 */

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s);

export const DATACENTERS: readonly DatacenterRec[] = [
  {
    id: 1,
    iso: 'FR',
    name: 'Equinix Paris',
    country: 'France',
    dcCode: 'FR-SD2',
    deactivateAt: utc(2017, 12, 25),
    iaasClosedFor: 'NEW',
    paasClosedFor: 'NEW',
    canMigrateTo: [4],
  },
  {
    id: 2,
    iso: 'US',
    name: 'Level3 Baltimore',
    country: 'United States of America',
    dcCode: 'US-BA1',
    deactivateAt: utc(2016, 12, 25),
    iaasClosedFor: 'ALL',
    paasClosedFor: 'ALL',
    canMigrateTo: [],
  },
  dc(3, 'LU', 'Bissen, Luxembourg', 'Luxembourg', 'LU-BI1'),
  dc(4, 'FR', 'Paris, France SD3', 'France', 'FR-SD3'),
  dc(5, 'FR', 'Paris, France SD5', 'France', 'FR-SD5'),
  dc(6, 'FR', 'Paris, France SD6', 'France', 'FR-SD6'),
];

function dc(id: number, iso: string, name: string, country: string, dcCode: string): DatacenterRec {
  return {
    id,
    iso,
    name,
    country,
    dcCode,
    deactivateAt: null,
    iaasClosedFor: 'NONE',
    paasClosedFor: 'NONE',
    canMigrateTo: [],
  };
}

export const DATACENTER_BY_ID = new Map(DATACENTERS.map((d) => [d.id, d]));

/** Per-datacenter addressing: IPv4 /16 prefix, IPv6 /64 prefix, reverse-DNS zone tag. */
export const NETWORK: Record<number, { v4: string; v6: string; tag: string }> = {
  1: { v4: '95.142', v6: '2001:4b98:dc0:47', tag: 'dc0' },
  2: { v4: '173.246', v6: '2604:3400:dc1:43', tag: 'dc1' },
  3: { v4: '46.226', v6: '2001:4b98:dc2:43', tag: 'dc2' },
  4: { v4: '155.133', v6: '2001:4b99:1:2', tag: 'dc3' },
  5: { v4: '217.70', v6: '2001:4b98:c001:1', tag: 'dc4' },
  6: { v4: '92.243', v6: '2001:4b99:3:6', tag: 'dc5' },
};

interface ImageTemplate {
  label: string;
  osArch: ImageRec['osArch'];
  kernelVersion: string;
  visibility: ImageRec['visibility'];
  system: string;
  version: string;
  created: number | null;
  updated: number;
}

// The labels of the 2018 `image_list_dc0.xml`, plus two 32-bit images (the 2011 list was 32-bit).
const IMAGE_TEMPLATES: readonly ImageTemplate[] = [
  img(
    'Ubuntu 10.04',
    'x86-32',
    '2.6.32',
    'deprecated',
    'Ubuntu',
    '10.04',
    utc(2010, 1, 1),
    utc(2010, 10, 7, 6, 43, 17),
  ),
  img(
    'Debian 7 32 bits',
    'x86-32',
    '3.2-i386',
    'deprecated',
    'Debian',
    '7',
    utc(2013, 5, 6, 9, 0, 0),
    utc(2017, 6, 15, 17, 47, 40),
  ),
  img(
    'Debian 7 64 bits (HVM)',
    'x86-64',
    '3.18-x86_64 (hvm,deprecated)',
    'deprecated',
    'Debian',
    '7',
    utc(2014, 4, 17, 18, 38, 53),
    utc(2017, 6, 15, 17, 47, 40),
  ),
  img(
    'Debian 8 64 bits (HVM)',
    'x86-64',
    '3.18-x86_64 (hvm,deprecated)',
    'deprecated',
    'Debian',
    '8',
    utc(2014, 12, 3, 14, 44, 49),
    utc(2017, 6, 15, 17, 47, 40),
  ),
  img(
    'Ubuntu 14.04 64 bits LTS (HVM)',
    'x86-64',
    '3.18-x86_64 (hvm,deprecated)',
    'deprecated',
    'Ubuntu',
    '14.04',
    utc(2014, 12, 3, 14, 46, 40),
    utc(2017, 6, 15, 17, 47, 40),
  ),
  img(
    'CentOS 7 64 bits (HVM)',
    'x86-64',
    '3.18-x86_64 (hvm,deprecated)',
    'deprecated',
    'CentOS',
    '7',
    null,
    utc(2017, 6, 15, 17, 47, 40),
  ),
  img(
    'Debian 8',
    'x86-64',
    'grub-x86_64 (xen)',
    'all',
    'Debian',
    '8',
    utc(2017, 5, 5, 15, 11, 6),
    utc(2017, 6, 6, 10, 39, 5),
  ),
  img(
    'Ubuntu 16.04 LTS',
    'x86-64',
    'grub-x86_64 (xen)',
    'all',
    'Ubuntu',
    '16.04',
    utc(2017, 5, 9, 17, 25, 47),
    utc(2017, 6, 6, 10, 39, 5),
  ),
  img(
    'CentOS 7',
    'x86-64',
    'grub-x86_64 (xen)',
    'all',
    'CentOS',
    '7',
    utc(2017, 5, 10, 17, 8, 24),
    utc(2017, 6, 6, 10, 39, 5),
  ),
  img(
    'FreeBSD 11.0 UFS',
    'x86-64',
    'raw (xen)',
    'deprecated',
    'FreeBSD',
    '11',
    utc(2017, 5, 16, 13, 20, 25),
    utc(2017, 7, 31, 15, 1, 6),
  ),
  img(
    'FreeBSD 11.0 ZFS',
    'x86-64',
    'raw (xen)',
    'deprecated',
    'FreeBSD',
    '11',
    utc(2017, 5, 17, 17, 54, 28),
    utc(2017, 7, 31, 15, 1, 6),
  ),
  img(
    'Debian 9',
    'x86-64',
    'grub-x86_64 (xen)',
    'all',
    'Debian',
    '9',
    utc(2017, 6, 19, 10, 48, 31),
    utc(2017, 6, 26, 17, 51, 15),
  ),
  img(
    'FreeBSD 11.1 UFS',
    'x86-64',
    'raw (xen)',
    'all',
    'FreeBSD',
    '11',
    utc(2017, 7, 26, 10, 23, 43),
    utc(2017, 7, 27, 9, 49, 10),
  ),
  img(
    'FreeBSD 11.1 ZFS',
    'x86-64',
    'raw (xen)',
    'all',
    'FreeBSD',
    '11',
    utc(2017, 7, 26, 10, 41, 6),
    utc(2017, 7, 27, 9, 49, 15),
  ),
];

function img(
  label: string,
  osArch: ImageRec['osArch'],
  kernelVersion: string,
  visibility: ImageRec['visibility'],
  system: string,
  version: string,
  created: number | null,
  updated: number,
): ImageTemplate {
  return { label, osArch, kernelVersion, visibility, system, version, created, updated };
}

/** Image source disks per datacenter start at these ids (same label, different disk per DC; FR-SD3
 * is offset so that its `Debian 8` has the recorded disk_id 17945187). */
const IMAGE_DISK_BASE: Record<number, number> = {
  1: 1349810,
  3: 18446103,
  4: 17945169,
  5: 21287531,
  6: 21548621,
};

function buildImages(): ImageRec[] {
  const out: ImageRec[] = [];
  let id = 167;
  for (const [dcId, base] of Object.entries(IMAGE_DISK_BASE)) {
    IMAGE_TEMPLATES.forEach((t, i) => {
      out.push({
        id: id,
        diskId: base + i * 3,
        datacenterId: Number(dcId),
        label: t.label,
        osArch: t.osArch,
        kernelVersion: t.kernelVersion,
        size: t.osArch === 'x86-32' ? 2048 : 3072,
        visibility: t.visibility,
        authorId: 248842,
        dateCreated: t.created,
        dateUpdated: t.updated,
        system: t.system,
        version: t.version,
      });
      id += 3;
    });
  }
  return out;
}

export const IMAGES: readonly ImageRec[] = buildImages();
export const IMAGE_BY_ID = new Map(IMAGES.map((i) => [i.id, i]));
export const IMAGE_BY_DISK_ID = new Map(IMAGES.map((i) => [i.diskId, i]));

/** `hosting.disk.list_kernels` (gandi.cli mock), the same in every datacenter. */
export const KERNELS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '2.6.18 (deprecated)',
    '2.6.27-compat-sysfs (deprecated)',
    '2.6.32',
    '2.6.27 (deprecated)',
    '2.6.32-x86_64',
    '2.6.36 (deprecated)',
    '2.6.32-x86_64-grsec',
    '2.6.36-x86_64 (deprecated)',
    '3.2-i386',
    '3.2-x86_64',
    '3.2-x86_64-grsec',
    '3.10-x86_64',
    '3.10-i386',
  ],
  'linux-hvm': ['3.12-x86_64 (hvm)', 'grub', 'raw'],
};

/** Every kernel name a disk may carry: the list above plus the images' own. */
export const KNOWN_KERNELS = new Set<string>([
  ...Object.values(KERNELS).flat(),
  ...IMAGES.map((i) => i.kernelVersion),
]);

export interface SnapshotProfileDef {
  id: number;
  name: string;
  keptTotal: number;
  quotaFactor: number;
  schedules: { name: string; keptVersion: number }[];
}

export const SNAPSHOT_PROFILES: readonly SnapshotProfileDef[] = [
  {
    id: 1,
    name: 'minimal',
    keptTotal: 2,
    quotaFactor: 1.2,
    schedules: [{ name: 'daily', keptVersion: 2 }],
  },
  {
    id: 2,
    name: 'full_week',
    keptTotal: 7,
    quotaFactor: 1.7,
    schedules: [{ name: 'daily', keptVersion: 7 }],
  },
  {
    id: 3,
    name: 'security',
    keptTotal: 10,
    quotaFactor: 2.0,
    schedules: [
      { name: 'hourly6', keptVersion: 3 },
      { name: 'daily', keptVersion: 6 },
      { name: 'weekly4', keptVersion: 1 },
    ],
  },
];
export const SNAPSHOT_PROFILE_BY_ID = new Map(SNAPSHOT_PROFILES.map((p) => [p.id, p]));

/**
 * Inferred price table (credits per hour) for `hosting.catalog.list` and `hosting.rating.list`:
 * the gandi.cli rating mock's figures (cpu 168, ram 120 per GB, disk 135 per GB, IPv4 210, IPv6 0).
 * Snapshot space is priced like data disks.
 */
export const PRICES = {
  core: 168,
  ramGb: 120,
  diskGb: 135,
  snapshotGb: 135,
  ipv4: 210,
  ipv6: 0,
} as const;

export const METRICS: Readonly<Record<string, readonly string[]>> = {
  vm: [
    'vif.bytes.all',
    'vif.packets.all',
    'vbd.bytes.all',
    'vbd.requests.all',
    'vcpu.time.all',
    'vfs.df.bytes.all',
  ],
  iface: ['vif.bytes.all', 'vif.packets.all'],
  disk: ['vbd.bytes.all', 'vbd.requests.all', 'vfs.df.bytes.all'],
};

export const API_VERSION = '3.3.37';

export const KERNEL_OPTIONS: Readonly<Record<string, readonly (string | boolean)[]>> = {
  console: ['ttyS0', 'hvc0', 'xvc0'],
  root: ['/dev/sda', '/dev/xvda1', '/dev/sda1'],
  ro: [true, false],
  nosep: [true, false],
};
