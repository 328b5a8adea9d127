import { z } from 'zod';
import type { Image } from '@/lib/gandi/types';

export const IMAGE_SORTS = ['label', 'date', 'size'] as const;
export type ImageSort = (typeof IMAGE_SORTS)[number];

/** The images page's URL: every filter is a search parameter, so a filtered view can be shared. */
export interface ImageFilters {
  dc?: number;
  os?: string;
  arch?: string;
  q?: string;
  deprecated: boolean;
  sort: ImageSort;
  dir: 'asc' | 'desc';
}

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalText = z.preprocess((value) => {
  const text = single(value);
  return typeof text === 'string' && text.trim() !== '' ? text.trim().slice(0, 100) : undefined;
}, z.string().optional());

const schema = z.object({
  dc: z.preprocess((value) => {
    const text = single(value);
    return typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
  }, z.number().int().positive().optional()),
  os: optionalText,
  arch: optionalText,
  q: optionalText,
  deprecated: z.preprocess((value) => single(value) === '1', z.boolean()),
  sort: z.preprocess((value) => single(value), z.enum(IMAGE_SORTS).catch('label')),
  dir: z.preprocess((value) => single(value), z.enum(['asc', 'desc']).catch('asc')),
});

/** Reads filters from search params; anything unknown or malformed falls back to the default. */
export function parseImageFilters(
  params: Record<string, string | string[] | undefined>,
): ImageFilters {
  const parsed = schema.safeParse(params);
  if (parsed.success) {
    const { dc, os, arch, q, deprecated, sort, dir } = parsed.data;
    return {
      deprecated,
      sort,
      dir,
      ...(dc ? { dc } : {}),
      ...(os ? { os } : {}),
      ...(arch ? { arch } : {}),
      ...(q ? { q } : {}),
    };
  }
  return { deprecated: false, sort: 'label', dir: 'asc' };
}

/** The search params of `filters` (defaults omitted, so URLs stay short and canonical). */
export function imageFiltersToParams(filters: ImageFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.dc) params.dc = String(filters.dc);
  if (filters.os) params.os = filters.os;
  if (filters.arch) params.arch = filters.arch;
  if (filters.q) params.q = filters.q;
  if (filters.deprecated) params.deprecated = '1';
  if (filters.sort !== 'label') params.sort = filters.sort;
  if (filters.dir !== 'asc') params.dir = filters.dir;
  return params;
}

export function isDeprecatedImage(image: Pick<Image, 'visibility' | 'kernelVersion'>): boolean {
  return image.visibility === 'deprecated' || /deprecated/i.test(image.kernelVersion ?? '');
}

/** The local part of filtering (datacenter is filtered by the API) and the sort. */
export function filterImages(images: readonly Image[], filters: ImageFilters): Image[] {
  const needle = filters.q?.toLowerCase();
  const result = images.filter(
    (image) =>
      (filters.dc === undefined || image.datacenterId === filters.dc) &&
      (filters.os === undefined || (image.system ?? 'Other') === filters.os) &&
      (filters.arch === undefined || image.osArch === filters.arch) &&
      (needle === undefined || image.label.toLowerCase().includes(needle)) &&
      (filters.deprecated || !isDeprecatedImage(image)),
  );
  const direction = filters.dir === 'desc' ? -1 : 1;
  const byLabel = (a: Image, b: Image) =>
    a.label.localeCompare(b.label, 'en', { numeric: true }) || a.id - b.id;
  const compare: Record<ImageSort, (a: Image, b: Image) => number> = {
    label: byLabel,
    date: (a, b) =>
      (a.dateCreated?.getTime() ?? 0) - (b.dateCreated?.getTime() ?? 0) || byLabel(a, b),
    size: (a, b) => (a.size ?? 0) - (b.size ?? 0) || byLabel(a, b),
  };
  return result.sort((a, b) => direction * compare[filters.sort](a, b));
}

/** Distinct values for the OS-family and architecture selects. */
export function imageFacets(images: readonly Image[]): { systems: string[]; arches: string[] } {
  const systems = new Set<string>();
  const arches = new Set<string>();
  for (const image of images) {
    systems.add(image.system ?? 'Other');
    arches.add(image.osArch);
  }
  return { systems: [...systems].sort(), arches: [...arches].sort() };
}
