import { describe, expect, it } from 'vitest';
import {
  consoleCommand,
  consoleHost,
  consolePrerequisites,
  consoleToggleSchema,
  isIpv4,
  publicIpv4,
  rootPasswordSchema,
  type ConsoleIface,
} from './console';

describe('console toggle form', () => {
  it('enables once the root password is confirmed', () => {
    expect(consoleToggleSchema.parse({ vm_id: '7', enable: 'true', password_set: 'on' })).toEqual({
      vm_id: 7,
      enable: true,
      password_set: true,
    });
  });

  it('refuses to enable without the root password confirmed, on that field', () => {
    const result = consoleToggleSchema.safeParse({ vm_id: '7', enable: 'true' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['password_set']);
    expect(result.error?.issues[0]?.message).toMatch(/root password/);
  });

  it('disables without any confirmation', () => {
    expect(consoleToggleSchema.parse({ vm_id: '7', enable: 'false' })).toEqual({
      vm_id: 7,
      enable: false,
      password_set: false,
    });
  });

  it.each(['', 'on', '1', 'TRUE', undefined])('refuses enable=%s', (enable) => {
    const result = consoleToggleSchema.safeParse({ vm_id: '7', enable, password_set: 'on' });
    expect(result.success).toBe(false);
  });

  it('refuses a bad VM id', () => {
    expect(consoleToggleSchema.safeParse({ vm_id: 'x', enable: 'false' }).success).toBe(false);
  });
});

describe('root password form', () => {
  const form = (password: string, password_confirm = password) => ({
    vm_id: '7',
    password,
    password_confirm,
  });

  it('accepts a password of 8 to 128 characters typed twice', () => {
    expect(rootPasswordSchema.parse(form('s3cret-pass'))).toEqual({
      vm_id: 7,
      password: 's3cret-pass',
      password_confirm: 's3cret-pass',
    });
    expect(rootPasswordSchema.safeParse(form('x'.repeat(128))).success).toBe(true);
  });

  it('refuses a short or overlong password on the password field', () => {
    for (const password of ['', 'short', 'x'.repeat(129)]) {
      const result = rootPasswordSchema.safeParse(form(password));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['password']);
    }
  });

  it('refuses two different passwords on the confirmation field', () => {
    const result = rootPasswordSchema.safeParse(form('s3cret-pass', 's3cret-pasS'));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['password_confirm']]);
  });
});

describe('IPv4', () => {
  it.each(['95.142.160.181', '0.0.0.0', '255.255.255.255', '10.0.0.1'])('accepts %s', (ip) =>
    expect(isIpv4(ip)).toBe(true),
  );
  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '2001:db8::1', '1.2.3.4 ', 'a.b.c.d', ''])(
    'refuses %s',
    (ip) => expect(isIpv4(ip)).toBe(false),
  );
});

describe('console host and command', () => {
  it('uses console_url as it comes', () => {
    expect(consoleHost('console.gandi.net')).toBe('console.gandi.net');
    expect(consoleHost('Console.Example.NET')).toBe('console.example.net');
  });
  it('falls back to console.gandi.net when the API gives none', () => {
    expect(consoleHost(null)).toBe('console.gandi.net');
    expect(consoleHost('  ')).toBe('console.gandi.net');
  });
  it('takes the host of a URL', () => {
    expect(consoleHost('ssh://console.gandi.net:22/')).toBe('console.gandi.net');
  });
  it.each(['console gandi net', 'bad;rm -rf /', '-x.example', 'a..b'])(
    'refuses a host that could not be pasted safely: %s',
    (value) => expect(consoleHost(value)).toBeNull(),
  );

  it('builds ssh <ipv4>@<host>', () => {
    expect(consoleCommand('95.142.160.181', 'console.gandi.net')).toBe(
      'ssh 95.142.160.181@console.gandi.net',
    );
  });
  it('has no command without a usable IPv4 or host', () => {
    expect(consoleCommand(null, 'console.gandi.net')).toBeNull();
    expect(consoleCommand('2001:db8::1', 'console.gandi.net')).toBeNull();
    expect(consoleCommand('95.142.160.181', 'bad host')).toBeNull();
  });
});

const ifaces: ConsoleIface[] = [
  { type: 'private', ips: [{ ip: '192.168.0.2', version: 4 }] },
  {
    type: 'public',
    ips: [
      { ip: '2001:4b98:dc0:47::1', version: 6 },
      { ip: null, version: 4 },
      { ip: '95.142.160.181', version: 4 },
    ],
  },
  { type: 'public', ips: [{ ip: '95.142.160.182', version: 4 }] },
];

describe('public IPv4 and prerequisites', () => {
  it('takes the first public IPv4, skipping private and pending addresses', () => {
    expect(publicIpv4(ifaces)).toBe('95.142.160.181');
  });
  it('finds none on an IPv6-only or private-only VM', () => {
    expect(publicIpv4([{ type: 'public', ips: [{ ip: '2001:db8::1', version: 6 }] }])).toBeNull();
    expect(publicIpv4([{ type: 'private', ips: [{ ip: '10.0.0.1', version: 4 }] }])).toBeNull();
    expect(publicIpv4([{ type: 'public', ips: null }])).toBeNull();
  });

  it('reports the public IP as met or missing, the password as unknown', () => {
    const met = consolePrerequisites(ifaces);
    expect(met.map((p) => [p.id, p.status])).toEqual([
      ['public-ip', 'met'],
      ['root-password', 'unknown'],
    ]);
    expect(met[0]?.detail).toContain('95.142.160.181');
    const missing = consolePrerequisites([]);
    expect(missing[0]?.status).toBe('missing');
    expect(missing[1]?.detail).toMatch(/does not say/);
  });
});
