import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encryption of a workspace's API key at rest: AES-256-GCM with a random 96-bit IV per encryption
 * and the workspace id as additional authenticated data, so a blob copied to another workspace's
 * row does not decrypt there either.
 */

const VERSION = 'v1';
const IV_BYTES = 12;

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionKeyError';
  }
}

/** Refused decryption: wrong key, edited blob or wrong workspace. Never carries key material. */
export class DecryptionRefusedError extends Error {
  constructor() {
    super('The stored API key cannot be decrypted with this PORTAL_ENCRYPTION_KEY.');
    this.name = 'DecryptionRefusedError';
  }
}

/** Parses PORTAL_ENCRYPTION_KEY: exactly 32 bytes, base64 or base64url. */
export function parseEncryptionKey(value: string | undefined): Buffer {
  if (!value) {
    throw new EncryptionKeyError(
      'PORTAL_ENCRYPTION_KEY is not set (32 random bytes, base64; npm start creates one in .data/).',
    );
  }
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) {
    throw new EncryptionKeyError('PORTAL_ENCRYPTION_KEY must decode to exactly 32 bytes (base64).');
  }
  return key;
}

export function encryptSecret(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptSecret(key: Buffer, blob: string, aad: string): string {
  const [version, iv, tag, ciphertext] = blob.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new DecryptionRefusedError();
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    // GCM authentication failed: say so without any detail about the data.
    throw new DecryptionRefusedError();
  }
}
