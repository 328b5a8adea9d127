import { IMAGES } from './images';
import type { DatacenterRec } from './types';

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

/**
 * Per-datacenter addressing: IPv4 /16 blocks (the first one is the recorded prefix; more blocks
 * so that a datacenter holds far more than 65,536 VMs), the IPv6 /64, the reverse-DNS zone tag.
 */
export const NETWORK: Record<number, { v4: readonly string[]; v6: string; tag: string }> = {
  1: { v4: ['95.142', '95.143', '80.67', '80.68'], v6: '2001:4b98:dc0:47', tag: 'dc0' },
  2: { v4: ['173.246', '173.247', '64.15', '64.16'], v6: '2604:3400:dc1:43', tag: 'dc1' },
  3: { v4: ['46.226', '46.227', '185.26', '185.27'], v6: '2001:4b98:dc2:43', tag: 'dc2' },
  4: { v4: ['155.133', '155.134', '155.135', '155.136'], v6: '2001:4b99:1:2', tag: 'dc3' },
  5: { v4: ['217.70', '217.71', '92.242', '92.241'], v6: '2001:4b98:c001:1', tag: 'dc4' },
  6: { v4: ['92.243', '92.244', '92.245', '92.246'], v6: '2001:4b99:3:6', tag: 'dc5' },
};

export { IMAGE_BY_DISK_ID, IMAGE_BY_ID, IMAGES } from './images';

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
  rproxy: 300,
  rproxySsl: 60,
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
