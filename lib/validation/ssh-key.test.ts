import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addSshKeySchema,
  md5Fingerprint,
  parseSshPublicKey,
  sshKeyNameProblem,
  suggestedKeyName,
} from './ssh-key';
import { md5 } from './ssh-key-md5';

/**
 * Fixed keys made once with `ssh-keygen -t … -N ''`; each expected fingerprint is what
 * `ssh-keygen -l -E md5 -f key.pub` printed for it (and is checked again live below).
 */
const KEYS = {
  rsa2048: {
    line: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDPyFxF0VqeHu3FCuzd+xH2Vuik0gt3X5SgIWIsAmeadWn4VXRs7SgIoFUaqZ7iAhNPxO3T+uCMdXuYXKph7CvBFg6lvtLUwSrIc2e/EZKoNxInXir16Qc6RNg7nY/9Vw9HgcGjeFeKzuMLS5YaBt9hsK2WJJKNXS/ZRVH4B2e/eG+8hB/tErVVlV1VBqfwSk6S+8UaPZJWWsXLG2M2n8Df3HLPXNvAzThaQ7hgF/F1C0h2jAwtNR1jvf4QdtVsGs1kTflK4oBWD947nyM6WFRG48qc1Cndcrh4ZOf8hldw3WEiY36IEulU9O2aU+Zc8YTNw0POZAPieK+7RWJt9mif test-rsab2048@example',
    fingerprint: 'ed:5b:42:82:db:5a:54:83:fc:ef:27:4a:a2:6c:a7:3a',
    bits: 2048,
  },
  rsa1024: {
    line: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC9LUCjkf0KqptU1HQHVFrQN2AJR5ESViYAoXkW7JprOw+Me+onJscBJa3gpdlJeVkuEKIycXPJDE7ZJpwvviCxndigE3RknS3RfMOiDLjZTR/79+0lHUKgFTbZ0oF3JpkJ7yviezz7LCuOLCBYdmpknkEerHcHnhO1EYxXVrYXvw== test-rsab1024@example',
    fingerprint: '1d:e0:b8:e8:67:ed:c1:ef:b7:a8:58:6a:26:56:63:c4',
    bits: 1024,
  },
  ed25519: {
    line: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC214ofNV5cNj3/xO/lux3WZ1Yb/pDowmkl/rp0aYvDz test-ed25519@example',
    fingerprint: '47:43:eb:2e:9b:3b:00:c2:2e:68:e8:65:27:be:93:11',
    bits: 256,
  },
  ecdsa256: {
    line: 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCpVRMTWnVfMETJlzTpRgQEEs/qRcP2HE1VJew9hbvw7ngoHUPR4iWy9Q8HEMmPHCUwfpAMn/NJMnQ6OpZTOLf0= test-ecdsab256@example',
    fingerprint: '71:cb:27:36:97:53:c9:a5:bc:c1:28:c7:ae:f6:1c:02',
    bits: 256,
  },
  ecdsa384: {
    line: 'ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBBEHusMQDSdWd1ouPe06w/xxMVNytUY80oTkPWZjPaFv6GrZaHhEGGlFYITDBJu0hMllx50P3UAewD2c0kh+wZ9TeoX+13aPy/IIVvEvM0SwJk0UXBY2y3tvUmnnm1OT0w== test-ecdsab384@example',
    fingerprint: '85:69:8d:97:23:e0:41:78:1a:32:af:e5:1d:1a:4e:4b',
    bits: 384,
  },
  ecdsa521: {
    line: 'ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBABRGqp86qEm6oX3Hg15NWjWUMBaweZi7pjIJzAJAH4cZLhaq81RabOOMum99oUV5QKpzaS6oDVfAcXjGKUTUk+M9QDFfOHU/E9fwFRGC8Q2M9bc7jYDPliHGF6BDO/d3ibgf3YaFe6yIUJJ97/CwoCmqSlIcb15UJvw8FiJIgRryeR5Pw== test-ecdsab521@example',
    fingerprint: '62:1d:79:2c:44:29:2c:80:95:f1:a3:ee:96:5e:7b:64',
    bits: 521,
  },
} as const;

/** Rebuilds a key body from wire strings (to forge mismatched or damaged keys). */
function wire(...parts: (string | Uint8Array)[]): string {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
  );
  return Buffer.concat(
    chunks.flatMap((chunk) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(chunk.length);
      return [length, chunk];
    }),
  ).toString('base64');
}

function bodyOf(line: string): Buffer {
  return Buffer.from(line.split(' ')[1] ?? '', 'base64');
}

describe('md5', () => {
  it.each(['', 'a', 'abc', 'message digest', 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(1000)])(
    'matches node:crypto for %j',
    (text) => {
      const expected = createHash('md5').update(text).digest('hex');
      expect(Buffer.from(md5(new TextEncoder().encode(text))).toString('hex')).toBe(expected);
    },
  );
  it('gives the RFC 1321 test vector', () => {
    const digest = md5(new TextEncoder().encode('abc'));
    expect(Buffer.from(digest).toString('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
  });
});

describe('parsing valid public keys', () => {
  it.each(Object.entries(KEYS))('%s: type, bits, comment and fingerprint', (name, key) => {
    const parsed = parseSshPublicKey(key.line);
    expect(parsed.ok, name).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.key.fingerprint).toBe(key.fingerprint);
    expect(parsed.key.bits).toBe(key.bits);
    expect(parsed.key.type).toBe(key.line.split(' ')[0]);
    expect(parsed.key.comment).toBe(key.line.split(' ')[2]);
    expect(parsed.key.value).toBe(key.line.split(' ').slice(0, 2).join(' '));
  });
  it('accepts surrounding whitespace, tabs and a comment with spaces', () => {
    const [type, body] = KEYS.ed25519.line.split(' ');
    const parsed = parseSshPublicKey(`  ${type}\t${body} my laptop key \n`);
    expect(parsed.ok && parsed.key.comment).toBe('my laptop key');
  });
  it('accepts a key without a comment', () => {
    const parsed = parseSshPublicKey(KEYS.ed25519.line.split(' ').slice(0, 2).join(' '));
    expect(parsed.ok && parsed.key.comment).toBe('');
  });
});

describe('fingerprints agree with ssh-keygen -l -E md5', () => {
  let hasKeygen = true;
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
  } catch (err) {
    // `ssh-keygen -?` exits 1 after printing usage; only a missing binary is ENOENT.
    hasKeygen = (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ssh-key-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(hasKeygen).each(Object.entries(KEYS))('%s', (name, key) => {
    const file = path.join(dir, `${name}.pub`);
    writeFileSync(file, `${key.line}\n`);
    const output = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', file], {
      encoding: 'utf8',
    });
    const parsed = parseSshPublicKey(key.line);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(output).toContain(`MD5:${parsed.key.fingerprint} `);
  });
  it('md5Fingerprint is MD5 of the decoded body, colon separated', () => {
    const body = bodyOf(KEYS.rsa2048.line);
    const hex = createHash('md5').update(body).digest('hex');
    expect(md5Fingerprint(body)).toBe(hex.match(/../g)?.join(':'));
  });
});

describe('refusing bad keys, with a reason', () => {
  const ed = KEYS.ed25519.line.split(' ');
  const edBody = ed[1] ?? '';
  it('requires a value', () => {
    expect(parseSshPublicKey('   ')).toEqual({
      ok: false,
      problem: expect.stringMatching(/Paste a public key/),
    });
  });
  it.each([
    ['an unknown type', `ssh-foo ${edBody}`, /must start with ssh-rsa/],
    ['a DSA key', `ssh-dss ${edBody}`, /DSA keys are no longer accepted/],
    ['a missing body', 'ssh-ed25519', /body is missing/],
    [
      'a private key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1r\n-----END OPENSSH PRIVATE KEY-----',
      /PRIVATE key/,
    ],
    [
      'an SSH2 block',
      '---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----',
      /RFC 4716/,
    ],
    [
      'a line break inside',
      `ssh-ed25519 ${edBody.slice(0, 20)}\n${edBody.slice(20)}`,
      /single line/,
    ],
    ['bad base64 characters', `ssh-ed25519 ${edBody.slice(0, -4)}!!!!`, /not valid base64/],
    ['base64 of the wrong length', `ssh-ed25519 ${edBody.slice(0, -1)}`, /not valid base64/],
    ['a truncated body', `ssh-ed25519 ${edBody.slice(0, 40)}`, /incomplete|wrong length|too short/],
    ['a body too short to hold the type', 'ssh-ed25519 AAAA', /too short/],
    [
      'a declared type that differs from the embedded one',
      `ssh-rsa ${edBody}`,
      /says ssh-rsa but the key inside is ssh-ed25519/,
    ],
    [
      'an ECDSA curve mismatch',
      `ecdsa-sha2-nistp384 ${wire('ecdsa-sha2-nistp384', 'nistp256', new Uint8Array(65).fill(4))}`,
      /curve nistp256/,
    ],
    [
      'an ECDSA point of the wrong size',
      `ecdsa-sha2-nistp256 ${wire('ecdsa-sha2-nistp256', 'nistp256', new Uint8Array(64).fill(4))}`,
      /point has the wrong length/,
    ],
    [
      'an Ed25519 key of the wrong size',
      `ssh-ed25519 ${wire('ssh-ed25519', new Uint8Array(31))}`,
      /wrong length/,
    ],
    [
      'trailing data after the key',
      `ssh-ed25519 ${wire('ssh-ed25519', new Uint8Array(32), 'extra')}`,
      /extra data/,
    ],
    [
      'an RSA key below 1024 bits',
      `ssh-rsa ${wire('ssh-rsa', new Uint8Array([1, 0, 1]), new Uint8Array([0, ...new Array(64).fill(0xff)]))}`,
      /512 bits/,
    ],
    ['something far too long', `ssh-rsa ${'A'.repeat(20_000)}`, /too long/],
  ])('%s', (_label, text, problem) => {
    const parsed = parseSshPublicKey(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe('key names', () => {
  it('requires a name', () => expect(sshKeyNameProblem(' ')).toMatch(/Give the key a name/));
  it('limits the length', () => expect(sshKeyNameProblem('k'.repeat(65))).toMatch(/at most 64/));
  it('refuses control characters', () => expect(sshKeyNameProblem('a\u0007b')).toMatch(/control/));
  it('accepts ordinary names', () => expect(sshKeyNameProblem('me@laptop (2024)')).toBeNull());
  it('suggests the comment, cut to the limit', () => {
    expect(suggestedKeyName(' me@host ')).toBe('me@host');
    expect(suggestedKeyName('c'.repeat(80))).toHaveLength(64);
  });
});

describe('the add form schema', () => {
  it('returns the parsed key with its canonical value', () => {
    const result = addSshKeySchema.parse({ name: ' laptop ', value: KEYS.ecdsa256.line });
    expect(result.name).toBe('laptop');
    expect(result.value.fingerprint).toBe(KEYS.ecdsa256.fingerprint);
    expect(result.value.value).not.toContain('test-ecdsab256');
  });
  it('puts the key problem on the value field', () => {
    const result = addSshKeySchema.safeParse({ name: 'x', value: 'ssh-rsa no*pe' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(z.flattenError(result.error).fieldErrors.value?.[0]).toMatch(/base64/);
  });
  it('puts the name problem on the name field', () => {
    const result = addSshKeySchema.safeParse({ name: '', value: KEYS.ed25519.line });
    expect(result.success).toBe(false);
    if (!result.success) expect(z.flattenError(result.error).fieldErrors.name).toBeDefined();
  });
});
