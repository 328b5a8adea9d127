import 'server-only';
import { cache } from 'react';
import {
  datacenterList,
  imageList,
  type Datacenter,
  type GandiConnection,
  type Image,
} from '@/lib/gandi';

/** Datacenters, shared by every component of one request that needs them. */
export const listDatacenters = cache((conn: GandiConnection): Promise<Datacenter[]> =>
  datacenterList(conn, { items_per_page: 100 }),
);

/** Images, filtered by datacenter on the server (the API's own filter); the rest is local. */
export const listImages = cache((conn: GandiConnection, datacenterId?: number): Promise<Image[]> =>
  imageList(conn, datacenterId === undefined ? {} : { datacenter_id: datacenterId }),
);

export type { Datacenter, Image };
