import { describe, expect, it } from 'vitest';
import {
  consoleCommand,
  consoleHost,
  consolePrerequisites,
  consoleToggleSchema,
  isIpv4,
  publicIpv4,
  type ConsoleIface,
} from './console';

describe('console toggle form', () => {
  it('reads enable/disable', () => {
    expect(consoleToggleSchema.parse({ vm_id: '7', enable: 'true' })).toEqual({
      vm_id: 7,
      enable: true,
    });
    expect(consoleToggleSchema.parse({ vm_id: '7', enable: 'false' })).toEqual({
      vm_id: 7,
      enable: false,
    });
  });

  it.each(['', 'on', '1', 'TRUE', undefined])('refuses enable=%s', (enable) => {
    const result = consoleToggleSchema.safeParse({ vm_id: '7', enable });
    expect(result.success).toBe(false);
  });

  it('refuses a bad VM id', () => {
    expect(consoleToggleSchema.safeParse({ vm_id: 'x', enable: 'true' }).success).toBe(false);
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
