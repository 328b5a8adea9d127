import 'server-only';
import { ActionError } from '@/lib/action';
import {
  GandiError,
  sshCount,
  sshCreate,
  sshDelete,
  sshList,
  type GandiConnection,
} from '@/lib/gandi';
import type { Id, SshKey } from '@/lib/gandi/types';
import type { AddSshKeyInput } from '@/lib/validation/ssh-key';

/** Rows per page of the SSH key list. */
export const SSH_KEY_PAGE_SIZE = 25;

export interface SshKeyPage {
  keys: Pick<SshKey, 'id' | 'name' | 'fingerprint'>[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the account's keys, sorted by name, paged by the API. */
export async function getSshKeyPage(conn: GandiConnection, page: number): Promise<SshKeyPage> {
  const [keys, total] = await Promise.all([
    sshList(conn, { page: page - 1, items_per_page: SSH_KEY_PAGE_SIZE, sort_by: 'name ASC' }),
    sshCount(conn),
  ]);
  return {
    keys: keys.map(({ id, name, fingerprint }) => ({ id, name, fingerprint })),
    total,
    page,
    pageSize: SSH_KEY_PAGE_SIZE,
  };
}

/**
 * Adds a key (synchronous in the API: no operation). A key already there, by name or by
 * fingerprint, is refused on the field concerned, found by asking the API rather than by
 * parsing its fault text.
 */
export async function addSshKey(
  conn: GandiConnection,
  input: AddSshKeyInput,
): Promise<{ id: Id; name: string; fingerprint: string }> {
  const [sameName, sameKey] = await Promise.all([
    sshList(conn, { name: input.name }),
    sshList(conn, { fingerprint: input.value.fingerprint }),
  ]);
  const existing = sameKey[0];
  if (existing) {
    throw new ActionError('This key is already in the account.', {
      value: [`This key is already saved as "${existing.name}".`],
    });
  }
  if (sameName.length > 0) {
    throw new ActionError('A key with this name already exists.', {
      name: ['Another key already has this name: choose another.'],
    });
  }
  try {
    const key = await sshCreate(conn, { name: input.name, value: input.value.value });
    return { id: key.id, name: key.name, fingerprint: key.fingerprint };
  } catch (err) {
    // A key added meanwhile by another tab: still say it on the field.
    if (err instanceof GandiError && err.causeName === 'CAUSE_EXIST') {
      throw new ActionError('This key or name is already in the account.', {
        value: ['This key or its name is already in the account.'],
      });
    }
    if (err instanceof GandiError && err.causeName === 'CAUSE_BADPARAMETER') {
      throw new ActionError('Gandi refused this key.', { value: [err.reason] });
    }
    throw err;
  }
}

export async function deleteSshKey(conn: GandiConnection, keyId: Id): Promise<{ id: Id }> {
  await sshDelete(conn, keyId);
  return { id: keyId };
}
