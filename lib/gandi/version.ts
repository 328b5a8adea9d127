import type { RawVersion } from './raw-types';
import { asOne, read } from './rpc';
import type { GandiConnection, VersionInfo } from './types';

/** `version.info`: the API version the endpoint reports. */
export function versionInfo(conn: GandiConnection): Promise<VersionInfo> {
  return read(
    conn,
    'version.info',
    [],
    asOne<RawVersion, VersionInfo>('version', (raw) => ({ apiVersion: String(raw.api_version) })),
  );
}
