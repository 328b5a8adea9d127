import { describe, expect, it } from 'vitest';
import type { Image } from '@/lib/gandi/types';
import {
  filterImages,
  imageFacets,
  imageFiltersToParams,
  parseImageFilters,
} from './image-filters';

function image(partial: Partial<Image> & Pick<Image, 'id' | 'label'>): Image {
  return {
    diskId: partial.id * 100,
    datacenterId: 1,
    osArch: 'x86-64',
    kernelVersion: null,
    size: 3072,
    visibility: 'all',
    authorId: null,
    dateCreated: new Date(Date.UTC(2018, 0, partial.id)),
    dateUpdated: null,
    system: 'Debian',
    version: null,
    ...partial,
  };
}

const images: Image[] = [
  image({ id: 1, label: 'Debian 9', datacenterId: 1, size: 3072 }),
  image({ id: 2, label: 'Debian 10', datacenterId: 2, size: 2048 }),
  image({ id: 3, label: 'Ubuntu 16.04 LTS', system: 'Ubuntu', size: 4096 }),
  image({ id: 4, label: 'Debian 7', visibility: 'deprecated' }),
  image({
    id: 5,
    label: 'CentOS 6 32',
    system: 'CentOS',
    osArch: 'x86-32',
    kernelVersion: '3.18-x86_64 (hvm,deprecated)',
  }),
];

describe('parseImageFilters', () => {
  it('reads every filter from the URL', () => {
    expect(
      parseImageFilters({
        dc: '4',
        os: 'Debian',
        arch: 'x86-64',
        q: ' deb ',
        deprecated: '1',
        sort: 'size',
        dir: 'desc',
      }),
    ).toEqual({
      dc: 4,
      os: 'Debian',
      arch: 'x86-64',
      q: 'deb',
      deprecated: true,
      sort: 'size',
      dir: 'desc',
    });
  });

  it('falls back to defaults for junk', () => {
    expect(
      parseImageFilters({ dc: 'x', sort: 'evil', dir: 'up', deprecated: 'yes', q: '' }),
    ).toEqual({
      deprecated: false,
      sort: 'label',
      dir: 'asc',
    });
    expect(parseImageFilters({ dc: ['3', '4'] })).toMatchObject({ dc: 3 });
  });

  it('round-trips through search params', () => {
    const filters = parseImageFilters({ dc: '4', q: 'deb', deprecated: '1', sort: 'date' });
    expect(parseImageFilters(imageFiltersToParams(filters))).toEqual(filters);
    expect(imageFiltersToParams(parseImageFilters({}))).toEqual({});
  });
});

describe('filterImages', () => {
  const labels = (list: Image[]) => list.map((item) => item.label);

  it('hides deprecated images (by visibility or kernel) unless asked, and sorts labels naturally', () => {
    expect(labels(filterImages(images, parseImageFilters({})))).toEqual([
      'Debian 9',
      'Debian 10',
      'Ubuntu 16.04 LTS',
    ]);
    expect(labels(filterImages(images, parseImageFilters({ deprecated: '1' })))).toEqual([
      'CentOS 6 32',
      'Debian 7',
      'Debian 9',
      'Debian 10',
      'Ubuntu 16.04 LTS',
    ]);
  });

  it('filters by datacenter, family, architecture and label text', () => {
    expect(labels(filterImages(images, parseImageFilters({ dc: '2' })))).toEqual(['Debian 10']);
    expect(labels(filterImages(images, parseImageFilters({ os: 'Ubuntu' })))).toEqual([
      'Ubuntu 16.04 LTS',
    ]);
    expect(
      labels(filterImages(images, parseImageFilters({ arch: 'x86-32', deprecated: '1' }))),
    ).toEqual(['CentOS 6 32']);
    expect(labels(filterImages(images, parseImageFilters({ q: 'DEB' })))).toEqual([
      'Debian 9',
      'Debian 10',
    ]);
  });

  it('sorts by size and date, both directions', () => {
    expect(labels(filterImages(images, parseImageFilters({ sort: 'size' })))).toEqual([
      'Debian 10',
      'Debian 9',
      'Ubuntu 16.04 LTS',
    ]);
    expect(labels(filterImages(images, parseImageFilters({ sort: 'date', dir: 'desc' })))).toEqual([
      'Ubuntu 16.04 LTS',
      'Debian 10',
      'Debian 9',
    ]);
  });

  it('derives the select choices from the images', () => {
    expect(imageFacets(images)).toEqual({
      systems: ['CentOS', 'Debian', 'Ubuntu'],
      arches: ['x86-32', 'x86-64'],
    });
  });
});
