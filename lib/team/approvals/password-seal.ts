import 'server-only';
import { getEnv } from '@/lib/env';
import { decryptSecret, encryptSecret, parseEncryptionKey } from '../crypto';
import { passwordAad } from './vm-create-request';

/** The workspace's key sealing a held creation's root password (never stored in clear). */
export function passwordSealer(workspaceId: string) {
  const key = parseEncryptionKey(getEnv().portalEncryptionKey);
  const aad = passwordAad(workspaceId);
  return {
    seal: (password: string) => encryptSecret(key, password, aad),
    unseal: (sealed: string) => decryptSecret(key, sealed, aad),
  };
}
