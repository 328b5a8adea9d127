import type { RawImage } from './raw-types';
import { reshapeImage } from './reshape';
import { asListOf, asOne, optionsParam, read } from './rpc';
import type { GandiConnection, Id, Image, ListOptions } from './types';

/** `hosting.image.list`: disk images (filter by `datacenter_id`, `label`, `os_arch`). */
export function imageList(conn: GandiConnection, options?: ListOptions): Promise<Image[]> {
  return read(
    conn,
    'hosting.image.list',
    optionsParam(options),
    asListOf<RawImage, Image>('image', reshapeImage),
  );
}

/** `hosting.image.info`: one image by its image id. */
export function imageInfo(conn: GandiConnection, imageId: Id): Promise<Image> {
  return read(conn, 'hosting.image.info', [imageId], asOne<RawImage, Image>('image', reshapeImage));
}
