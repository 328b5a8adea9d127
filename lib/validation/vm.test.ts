import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  accessProblem,
  consoleUnusable,
  coresProblem,
  createVmSchema,
  deleteVmSchema,
  diskSizeProblem,
  hostnameProblem,
  idListSchema,
  memoryProblem,
  minimumDiskSizeMb,
  passwordProblem,
  resizeVmSchema,
  vmListQuerySchema,
} from './vm';

describe('hostname rules (one DNS label)', () => {
  it.each(['web1', 'a', 'A-b-9', '9lives', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(hostnameProblem(name)).toBeNull();
  });
  it('requires a value', () => expect(hostnameProblem('')).toMatch(/Enter a hostname/));
  it('limits the label to 63 characters', () =>
    expect(hostnameProblem('x'.repeat(64))).toMatch(/at most 63/));
  it.each(['web.example', 'web 1', 'wéb', 'web_1', 'web!'])('refuses characters in %s', (name) => {
    expect(hostnameProblem(name)).toMatch(/letters, digits and hyphens/);
  });
  it.each(['-web', 'web-', '-'])('refuses a leading or trailing hyphen in %s', (name) => {
    expect(hostnameProblem(name)).toMatch(/hyphen/);
  });
});

describe('memory rules', () => {
  it.each([256, 320, 1024, 65_536])('accepts %i MB', (mb) => expect(memoryProblem(mb)).toBeNull());
  it('is at least 256 MB', () => expect(memoryProblem(192)).toMatch(/at least 256/));
  it('is at most 64 GB', () => expect(memoryProblem(65_600)).toMatch(/at most 65536/));
  it('is a multiple of 64', () => expect(memoryProblem(300)).toMatch(/multiple of 64/));
  it('is whole', () => expect(memoryProblem(256.5)).toMatch(/whole/));
});

describe('cores rules', () => {
  it.each([1, 4, 16])('accepts %i', (n) => expect(coresProblem(n)).toBeNull());
  it.each([0, 17, 1.5, -1])('refuses %d', (n) => expect(coresProblem(n)).toMatch(/1 to 16/));
});

describe('system disk size rules', () => {
  it('rounds the minimum up to the next whole GB of the image', () => {
    expect(minimumDiskSizeMb(3072)).toBe(3072);
    expect(minimumDiskSizeMb(2500)).toBe(3072);
    expect(minimumDiskSizeMb(null)).toBe(1024);
  });
  it('accepts a whole-GB size at least the image size', () => {
    expect(diskSizeProblem(3072, 3072)).toBeNull();
    expect(diskSizeProblem(10_240, 3072)).toBeNull();
  });
  it('refuses a size that is not a multiple of 1024', () =>
    expect(diskSizeProblem(3500, 3072)).toMatch(/multiple of 1024/));
  it('refuses a disk smaller than the image', () =>
    expect(diskSizeProblem(2048, 3072)).toMatch(/at least 3 GB/));
  it('refuses more than 1 TB', () => expect(diskSizeProblem(1_049_600, 0)).toMatch(/at most/));
});

describe('password and access rules', () => {
  it('needs 8 characters', () => {
    expect(passwordProblem('1234567')).toMatch(/at least 8/);
    expect(passwordProblem('12345678')).toBeNull();
  });
  it('caps the length', () => expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/));
  it('needs a password or an SSH key', () => {
    expect(accessProblem('', [])).toMatch(/password or choose at least one SSH key/);
    expect(accessProblem('', [3])).toBeNull();
    expect(accessProblem('longenough', [])).toBeNull();
  });
  it('warns about the console exactly when there is no password', () => {
    expect(consoleUnusable('')).toBe(true);
    expect(consoleUnusable('longenough')).toBe(false);
  });
});

describe('idListSchema', () => {
  it('parses a comma list, dropping duplicates and blanks', () => {
    expect(idListSchema.parse('3,7,,3')).toEqual([3, 7]);
    expect(idListSchema.parse(undefined)).toEqual([]);
  });
  it('refuses non-ids', () => expect(idListSchema.safeParse('3,x').success).toBe(false));
});

const goodForm = {
  token: '6f1c1a52-8c1e-4f57-9a43-6a4a3b1c2d3e',
  datacenter_id: '4',
  src_disk_id: '17945187',
  hostname: 'web1',
  cores: '2',
  memory: '1024',
  disk_size: '10240',
  ip_mode: 'dual',
  bandwidth: '102400',
  password: 's3cret-pass',
  ssh_key_ids: '',
};

function fieldErrors(input: Record<string, unknown>) {
  const parsed = createVmSchema.safeParse(input);
  if (parsed.success) return {};
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
}

describe('createVmSchema', () => {
  it('coerces a good submission', () => {
    expect(createVmSchema.parse(goodForm)).toEqual({
      token: goodForm.token,
      datacenter_id: 4,
      src_disk_id: 17945187,
      hostname: 'web1',
      cores: 2,
      memory: 1024,
      disk_size: 10240,
      ip_mode: 'dual',
      bandwidth: 102400,
      password: 's3cret-pass',
      ssh_key_ids: [],
    });
  });
  it('puts each broken rule on its own field', () => {
    const errors = fieldErrors({
      ...goodForm,
      hostname: 'bad_name',
      memory: '100',
      cores: '40',
      disk_size: '1500',
      ip_mode: 'ipv4',
      bandwidth: '5',
      password: 'short',
    });
    expect(Object.keys(errors).sort()).toEqual(
      ['bandwidth', 'cores', 'disk_size', 'hostname', 'ip_mode', 'memory', 'password'].sort(),
    );
  });
  it('refuses a submission with neither password nor key, on the password field', () => {
    expect(fieldErrors({ ...goodForm, password: '' }).password).toEqual([
      'Set a root password or choose at least one SSH key.',
    ]);
  });
  it('accepts SSH keys without a password', () => {
    const parsed = createVmSchema.parse({ ...goodForm, password: '', ssh_key_ids: '12' });
    expect(parsed.ssh_key_ids).toEqual([12]);
    expect(parsed.password).toBe('');
  });
  it('needs the idempotency token', () => {
    expect(fieldErrors({ ...goodForm, token: 'nope' }).token).toBeDefined();
  });
  it('refuses a non-number memory with a message, not NaN', () => {
    expect(fieldErrors({ ...goodForm, memory: 'lots' }).memory?.[0]).toMatch(/number/);
  });
});

describe('action schemas', () => {
  it('resize needs valid memory and cores', () => {
    expect(resizeVmSchema.parse({ vm_id: '9', memory: '2048', cores: '2' })).toEqual({
      vm_id: 9,
      memory: 2048,
      cores: 2,
      accept_reboot: false,
    });
    expect(
      resizeVmSchema.parse({ vm_id: '9', memory: '2048', cores: '2', accept_reboot: 'on' })
        .accept_reboot,
    ).toBe(true);
    expect(resizeVmSchema.safeParse({ vm_id: '9', memory: '2000', cores: '2' }).success).toBe(
      false,
    );
  });
  it('delete needs the typed hostname', () => {
    expect(deleteVmSchema.safeParse({ vm_id: '9', confirm_hostname: ' ' }).success).toBe(false);
  });
});

describe('vmListQuerySchema (the list URL)', () => {
  it('reads filters, page and sort', () => {
    expect(
      vmListQuerySchema.parse({ page: '3', state: 'halted', dc: '4', q: 'web', sort: '-memory' }),
    ).toEqual({ page: 3, state: 'halted', dc: 4, q: 'web', sort: '-memory' });
  });
  it('falls back to defaults for bad values instead of failing', () => {
    expect(
      vmListQuerySchema.parse({ page: '-2', state: 'exploded', dc: 'x', q: 'a%b', sort: 'evil' }),
    ).toEqual({ page: 1, state: undefined, dc: undefined, q: undefined, sort: 'hostname' });
  });
  it('takes the first of repeated parameters', () => {
    expect(vmListQuerySchema.parse({ page: ['2', '5'] }).page).toBe(2);
  });
});
