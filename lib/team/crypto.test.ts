import { describe, expect, it } from 'vitest';
import {
  DecryptionRefusedError,
  decryptSecret,
  EncryptionKeyError,
  encryptSecret,
  parseEncryptionKey,
} from './crypto';

const KEY_A = Buffer.alloc(32, 7);
const KEY_B = Buffer.alloc(32, 9);
const API_KEY = 'demoaccount0000000000001';

describe('workspace key encryption', () => {
  it('round-trips and never stores the plaintext', () => {
    const blob = encryptSecret(KEY_A, API_KEY, 'ws-1');
    expect(blob).not.toContain(API_KEY);
    expect(blob.startsWith('v1.')).toBe(true);
    expect(decryptSecret(KEY_A, blob, 'ws-1')).toBe(API_KEY);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret(KEY_A, API_KEY, 'ws-1')).not.toBe(encryptSecret(KEY_A, API_KEY, 'ws-1'));
  });

  it('refuses the wrong key, another workspace id, and an edited blob', () => {
    const blob = encryptSecret(KEY_A, API_KEY, 'ws-1');
    expect(() => decryptSecret(KEY_B, blob, 'ws-1')).toThrow(DecryptionRefusedError);
    expect(() => decryptSecret(KEY_A, blob, 'ws-2')).toThrow(DecryptionRefusedError);
    const parts = blob.split('.');
    const ciphertext = Buffer.from(parts[3] ?? '', 'base64url');
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    const edited = [parts[0], parts[1], parts[2], ciphertext.toString('base64url')].join('.');
    expect(() => decryptSecret(KEY_A, edited, 'ws-1')).toThrow(DecryptionRefusedError);
    expect(() => decryptSecret(KEY_A, 'garbage', 'ws-1')).toThrow(DecryptionRefusedError);
  });

  it('says nothing about the secret when it refuses', () => {
    const blob = encryptSecret(KEY_A, API_KEY, 'ws-1');
    try {
      decryptSecret(KEY_B, blob, 'ws-1');
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain(API_KEY);
      expect(String(err)).not.toContain(blob);
    }
  });

  it('parses a 32-byte base64 key and refuses anything else', () => {
    expect(parseEncryptionKey(KEY_A.toString('base64'))).toEqual(KEY_A);
    expect(parseEncryptionKey(KEY_A.toString('base64url'))).toEqual(KEY_A);
    expect(() => parseEncryptionKey(undefined)).toThrow(EncryptionKeyError);
    expect(() => parseEncryptionKey(Buffer.alloc(16).toString('base64'))).toThrow(
      EncryptionKeyError,
    );
  });
});
