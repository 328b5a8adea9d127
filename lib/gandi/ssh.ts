import type { RawSshKey } from './raw-types';
import { reshapeSshKey } from './reshape';
import { asBoolean, asCount, asListOf, asOne, optionsParam, read, write } from './rpc';
import type { GandiConnection, Id, ListOptions, SshKey, SshKeySpec } from './types';

const asKey = asOne<RawSshKey, SshKey>('ssh key', reshapeSshKey);

/** `hosting.ssh.list`: the account's SSH keys (without their value). */
export function sshList(conn: GandiConnection, options?: ListOptions): Promise<SshKey[]> {
  return read(
    conn,
    'hosting.ssh.list',
    optionsParam(options),
    asListOf<RawSshKey, SshKey>('ssh key', reshapeSshKey),
  );
}

/** `hosting.ssh.count`: how many SSH keys match. */
export function sshCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.ssh.count', optionsParam(options), asCount);
}

/** `hosting.ssh.info`: one key, including its public value. */
export function sshInfo(conn: GandiConnection, keyId: Id): Promise<SshKey> {
  return read(conn, 'hosting.ssh.info', [keyId], asKey);
}

/** `hosting.ssh.create`: adds a public key (synchronous, no operation). */
export function sshCreate(conn: GandiConnection, spec: SshKeySpec): Promise<SshKey> {
  return write(conn, 'hosting.ssh.create', [{ ...spec }], asKey);
}

/** `hosting.ssh.delete`: removes a key (synchronous). */
export function sshDelete(conn: GandiConnection, keyId: Id): Promise<boolean> {
  return write(conn, 'hosting.ssh.delete', [keyId], asBoolean);
}
