/**
 * SSH public keys as pasted from an `id_*.pub` file: `<type> <base64 body> [comment]`.
 *
 * The body is the RFC 4253 wire encoding: a length-prefixed string with the key type again, then
 * the type's fields (RSA: e, n; Ed25519: 32 bytes; ECDSA: curve name, point). A key is accepted
 * only if the body decodes, repeats the declared type and holds exactly those fields, so a
 * truncated or mixed-up paste is caught before it reaches the API. The MD5 fingerprint is the
 * one `ssh-keygen -l -E md5` prints and the API returns (colon-separated hex).
 *
 * Runs in the browser and on the server (atob is global in both).
 */
import { z } from 'zod';
import { md5 } from './ssh-key-md5';
import { idField } from './vm';

export const SSH_KEY_TYPES = [
  'ssh-rsa',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
] as const;
export type SshKeyType = (typeof SSH_KEY_TYPES)[number];

export const SSH_KEY_NAME_MAX_LENGTH = 64;
/** Well above a 16384-bit RSA key (about 2.8 kB of base64). */
export const SSH_KEY_MAX_LENGTH = 16_384;
export const RSA_MIN_BITS = 1024;

/** The ECDSA point length (uncompressed: 0x04 ‖ X ‖ Y) per curve. */
const ECDSA_POINT_BYTES: Record<string, number> = { nistp256: 65, nistp384: 97, nistp521: 133 };

export interface ParsedSshKey {
  type: SshKeyType;
  /** The canonical `type body` (what is sent to the API; the comment goes in the name). */
  value: string;
  comment: string;
  /** `aa:bb:…` (16 bytes), as `ssh-keygen -l -E md5` and the API show it. */
  fingerprint: string;
  /** Key size in bits (RSA modulus, curve size, 256 for Ed25519). */
  bits: number;
}

export type SshKeyParse = { ok: true; key: ParsedSshKey } | { ok: false; problem: string };

/** Reads RFC 4251 length-prefixed strings from the decoded body. */
class WireReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  string(): Uint8Array | null {
    if (this.offset + 4 > this.bytes.length) return null;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.offset, 4);
    const length = view.getUint32(0);
    const start = this.offset + 4;
    if (start + length > this.bytes.length) return null;
    this.offset = start + length;
    return this.bytes.subarray(start, start + length);
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Bits of an mpint (big endian, may start with a 0x00 sign byte). */
function mpintBits(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length && bytes[index] === 0) index++;
  if (index === bytes.length) return 0;
  return (bytes.length - index - 1) * 8 + Math.floor(Math.log2(bytes[index] ?? 1)) + 1;
}

export function md5Fingerprint(body: Uint8Array): string {
  return Array.from(md5(body), (byte) => byte.toString(16).padStart(2, '0')).join(':');
}

/** Checks the fields after the type string; returns the key size, or a problem. */
function readFields(type: SshKeyType, reader: WireReader): number | string {
  const truncated = 'The key is incomplete: part of it is missing (copy the whole line).';
  if (type === 'ssh-rsa') {
    const exponent = reader.string();
    const modulus = reader.string();
    if (!exponent || !modulus) return truncated;
    const bits = mpintBits(modulus);
    if (bits < RSA_MIN_BITS)
      return `This RSA key has ${bits} bits: at least ${RSA_MIN_BITS} are needed.`;
    return bits;
  }
  if (type === 'ssh-ed25519') {
    const point = reader.string();
    if (!point) return truncated;
    if (point.length !== 32) return 'The Ed25519 key has the wrong length: it is damaged.';
    return 256;
  }
  const curve = reader.string();
  const point = reader.string();
  if (!curve || !point) return truncated;
  const expectedCurve = type.slice('ecdsa-sha2-'.length);
  if (ascii(curve) !== expectedCurve)
    return `The key says ${type} but its body is for curve ${ascii(curve)}.`;
  if (point.length !== ECDSA_POINT_BYTES[expectedCurve] || point[0] !== 4)
    return 'The ECDSA key point has the wrong length: it is damaged.';
  return Number(expectedCurve.slice('nistp'.length));
}

export function parseSshPublicKey(input: string): SshKeyParse {
  const text = input.trim();
  const fail = (problem: string): SshKeyParse => ({ ok: false, problem });
  if (text === '') return fail('Paste a public key (the contents of a .pub file).');
  if (text.length > SSH_KEY_MAX_LENGTH) return fail('That is far too long for a public key.');
  if (/PRIVATE KEY/.test(text))
    return fail('This is a PRIVATE key: never share it. Paste the public key (the .pub file).');
  if (text.startsWith('---- BEGIN SSH2 PUBLIC KEY'))
    return fail('This is the SSH2 (RFC 4716) format: convert it with ssh-keygen -i -f FILE.');
  if (/[\r\n]/.test(text))
    return fail('A public key is a single line: paste it without line breaks.');
  const [type = '', body = '', ...rest] = text.split(/[ \t]+/);
  if (!(SSH_KEY_TYPES as readonly string[]).includes(type)) {
    return fail(
      type.startsWith('ssh-dss')
        ? 'DSA keys are no longer accepted: use ssh-ed25519 or ssh-rsa.'
        : 'The key must start with ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521.',
    );
  }
  if (body === '') return fail('The key body is missing after the type.');
  const bytes = decodeBase64(body);
  if (!bytes) return fail('The key body is not valid base64: it was probably cut or altered.');
  const reader = new WireReader(bytes);
  const embedded = reader.string();
  if (!embedded) return fail('The key body is too short to be a key.');
  if (ascii(embedded) !== type)
    return fail(
      `The line says ${type} but the key inside is ${ascii(embedded).slice(0, 40) || 'unreadable'}.`,
    );
  const sizeOrProblem = readFields(type as SshKeyType, reader);
  if (typeof sizeOrProblem === 'string') return fail(sizeOrProblem);
  if (!reader.done) return fail('The key body has extra data after the key: it is damaged.');
  return {
    ok: true,
    key: {
      type: type as SshKeyType,
      value: `${type} ${body}`,
      comment: rest.join(' '),
      fingerprint: md5Fingerprint(bytes),
      bits: sizeOrProblem,
    },
  };
}

export function sshKeyNameProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Give the key a name (e.g. laptop).';
  if (value.length > SSH_KEY_NAME_MAX_LENGTH)
    return `A key name is at most ${SSH_KEY_NAME_MAX_LENGTH} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'A key name cannot contain control characters.';
  return null;
}

/** A default name from the key's comment (`me@laptop` → `me@laptop`). */
export function suggestedKeyName(comment: string): string {
  return comment.trim().slice(0, SSH_KEY_NAME_MAX_LENGTH);
}

/** The add form: the key is parsed and replaced by its canonical form; the name is required. */
export const addSshKeySchema = z.object({
  name: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = sshKeyNameProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  value: z.string().transform((value, ctx) => {
    const parsed = parseSshPublicKey(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }
    return parsed.key;
  }),
});
export type AddSshKeyInput = z.infer<typeof addSshKeySchema>;

export const deleteSshKeySchema = z.object({ key_id: idField });

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const sshKeyListQuerySchema = z.object({
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(1_000_000).catch(1)),
});
