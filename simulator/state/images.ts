import type { ImageRec } from './types';

/**
 * Disk images per datacenter, modelled on the 2018 `image_list_dc0.xml`: the same labels in every
 * datacenter that has images, each with its own source `disk_id`, deprecated ones included.
 */

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s);

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
