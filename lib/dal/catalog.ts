import 'server-only';
import { cache } from 'react';
import {
  datacenterList,
  imageList,
  listAll,
  type Datacenter,
  type GandiConnection,
  type Image,
} from '@/lib/gandi';
import { REFERENCE_TTL_MS, referenceCache } from './reference-cache';

/**
 * The shared read runs without the first caller's abort signal: another page may be waiting on it.
 */
function unsignalled(conn: GandiConnection): GandiConnection {
  return { endpoint: conn.endpoint, apiKey: conn.apiKey };
}

/**
 * Datacenters, for pages (their closing dates change on Gandi's side, rarely): from the reference
 * cache, and shared by every component of one request. Mutations read them afresh.
 */
export const listDatacenters = cache((conn: GandiConnection): Promise<Datacenter[]> =>
  referenceCache.read(conn, 'datacenters', REFERENCE_TTL_MS.datacenters, () =>
    datacenterList(unsignalled(conn), { items_per_page: 100 }),
  ),
);

/** Images, filtered by datacenter on the server (the API's own filter); the rest is local. */
export const listImages = cache((conn: GandiConnection, datacenterId?: number): Promise<Image[]> =>
  referenceCache.read(conn, `images:${datacenterId ?? 'all'}`, REFERENCE_TTL_MS.images, () =>
    imageList(unsignalled(conn), datacenterId === undefined ? {} : { datacenter_id: datacenterId }),
  ),
);

/** Every image of every datacenter, page after page (the creation wizard offers them all). */
export const listAllImages = cache((conn: GandiConnection): Promise<Image[]> =>
  referenceCache.read(conn, 'images:every-page', REFERENCE_TTL_MS.images, () =>
    listAll(unsignalled(conn), imageList),
  ),
);

export type { Datacenter, Image };
