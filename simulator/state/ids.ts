import { createHash } from 'node:crypto';

/** Deterministic pseudo-random helpers: no Math.random anywhere in the simulator. */

/** 32-bit FNV-1a over a string. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}

/** A time-based-UUID-looking entity id like the 2018 recordings (`…-11e8-84b2-00163ea0592c`). */
export function entityId(kind: string, id: number): string {
  const a = hash32(`${kind}:${id}`);
  const b = hash32(`${id}:${kind}`);
  return `${hex(a, 8)}-${hex(b, 4)}-11e8-84b2-00163ea0592c`;
}

/** The OpenSSH MD5 fingerprint of a key's base64 body (colon hex), as `ssh-keygen -l -E md5` shows. */
export function md5Fingerprint(base64Body: string): string {
  return (
    createHash('md5').update(Buffer.from(base64Body, 'base64')).digest('hex').match(/../g) ?? []
  ).join(':');
}
