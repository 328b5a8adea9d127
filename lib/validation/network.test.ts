import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createPublicIfaceSchema,
  formatCidr,
  formatIpv4,
  gatewayProblem,
  hostAddressProblem,
  ifaceAttachSchema,
  ipListQuerySchema,
  ipUpdateSchema,
  parseCidr,
  parseIpv4,
  privateAddressProblem,
  reverseProblem,
  subnetProblem,
  usableHostCount,
} from './network';

describe('IPv4 addresses', () => {
  it.each([
    ['0.0.0.0', 0],
    ['192.168.1.10', 0xc0a8010a],
    ['255.255.255.255', 0xffffffff],
  ])('parses %s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(formatIpv4(value)).toBe(text);
  });
  it.each([
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '1.2.3.-4',
    ' 1.2.3.4',
    '1.2.3.4 ',
    'a.b.c.d',
    '',
    '::1',
  ])('refuses %j', (text) => expect(parseIpv4(text)).toBeNull());
});

describe('CIDR parsing', () => {
  it('computes network and broadcast', () => {
    const subnet = parseCidr('10.1.2.0/23');
    expect(subnet && formatCidr(subnet)).toBe('10.1.2.0/23');
    expect(subnet && formatIpv4(subnet.broadcast)).toBe('10.1.3.255');
    expect(subnet && usableHostCount(subnet)).toBe(510);
  });
  it('masks host bits', () => {
    const subnet = parseCidr('192.168.0.77/24');
    expect(subnet && formatCidr(subnet)).toBe('192.168.0.0/24');
  });
  it.each([
    '192.168.0.0',
    '192.168.0.0/33',
    '192.168.0.0/',
    '192.168.0/24',
    '192.168.0.0/024',
    'x/24',
  ])('refuses %j', (text) => expect(parseCidr(text)).toBeNull());
});

describe('VLAN subnet rule', () => {
  it.each(['192.168.0.0/24', '10.0.0.0/16', '172.16.0.0/16', '172.31.255.252/30', '10.20.0.0/16'])(
    'accepts %s',
    (text) => expect(subnetProblem(text)).toBeNull(),
  );
  it('requires a value', () => expect(subnetProblem(' ')).toMatch(/Enter a subnet/));
  it('requires a prefix', () => expect(subnetProblem('192.168.0.0')).toMatch(/CIDR form/));
  it('requires a valid address', () =>
    expect(subnetProblem('192.168.300.0/24')).toMatch(/not a valid IPv4 subnet/));
  it('refuses prefixes too small to hold a gateway and two hosts', () =>
    expect(subnetProblem('192.168.0.0/31')).toMatch(/from \/16 to \/30/));
  it('refuses prefixes wider than /16', () =>
    expect(subnetProblem('10.0.0.0/15')).toMatch(/from \/16/));
  it('refuses host bits, naming the network', () =>
    expect(subnetProblem('192.168.1.5/24')).toMatch(
      /host bits set: the network is 192\.168\.1\.0\/24/,
    ));
  it.each(['8.8.8.0/24', '172.32.0.0/16', '192.169.0.0/24', '11.0.0.0/16'])(
    'refuses the public range %s',
    (text) => expect(subnetProblem(text)).toMatch(/private range/),
  );
  it('refuses a range just outside the private block', () =>
    expect(subnetProblem('172.15.0.0/16')).toMatch(/private range/));
});

describe('gateway rule', () => {
  it('accepts a host address inside the subnet', () => {
    expect(gatewayProblem('192.168.0.1', '192.168.0.0/24')).toBeNull();
    expect(gatewayProblem('192.168.0.254', '192.168.0.0/24')).toBeNull();
  });
  it('must be an IPv4 address', () =>
    expect(gatewayProblem('192.168.0', '192.168.0.0/24')).toMatch(
      /The gateway must be an IPv4 address/,
    ));
  it('must be inside the subnet, giving the range', () =>
    expect(gatewayProblem('192.168.1.1', '192.168.0.0/24')).toMatch(
      /inside 192\.168\.0\.0\/24 \(192\.168\.0\.1 to 192\.168\.0\.254\)/,
    ));
  it('cannot be the network address', () =>
    expect(gatewayProblem('192.168.0.0', '192.168.0.0/24')).toMatch(/network address/));
  it('cannot be the broadcast address', () =>
    expect(gatewayProblem('192.168.0.255', '192.168.0.0/24')).toMatch(/broadcast address/));
  it('waits for a valid subnet', () =>
    expect(hostAddressProblem('10.0.0.1', 'nonsense')).toMatch(/until the subnet is valid/));
});

describe('private interface address rule', () => {
  it('accepts a free host address', () =>
    expect(privateAddressProblem('10.0.0.20', '10.0.0.0/24', '10.0.0.1')).toBeNull());
  it('accepts any host address when there is no gateway', () =>
    expect(privateAddressProblem('10.0.0.1', '10.0.0.0/24', null)).toBeNull());
  it('refuses the gateway', () =>
    expect(privateAddressProblem('10.0.0.1', '10.0.0.0/24', '10.0.0.1')).toMatch(/gateway/));
  it('refuses an address outside the subnet', () =>
    expect(privateAddressProblem('10.0.1.20', '10.0.0.0/24', null)).toMatch(
      /must be inside 10\.0\.0\.0\/24/,
    ));
  it('refuses the broadcast address', () =>
    expect(privateAddressProblem('10.0.0.255', '10.0.0.0/24', null)).toMatch(/broadcast/));
  it('refuses IPv6', () =>
    expect(privateAddressProblem('fe80::1', '10.0.0.0/24', null)).toMatch(/IPv4 address/));
});

describe('reverse DNS rule (the API FQDN pattern)', () => {
  it.each([
    'mail.example.com',
    'a.b',
    'xvm-170-44.dc0.ghst.net',
    'x1.example.com.',
    'A-1.Example.ORG',
    `${'a'.repeat(63)}.com`,
  ])('accepts %s', (name) => expect(reverseProblem(name)).toBeNull());
  it('requires a value', () => expect(reverseProblem('')).toMatch(/Enter a host name/));
  it('requires at least two labels', () =>
    expect(reverseProblem('localhost')).toMatch(/with a domain/));
  it('refuses empty labels', () =>
    expect(reverseProblem('mail..example.com')).toMatch(/empty labels/));
  it('refuses a leading dot', () => expect(reverseProblem('.example.com')).toMatch(/empty labels/));
  it('refuses labels over 63 characters', () =>
    expect(reverseProblem(`${'a'.repeat(64)}.com`)).toMatch(/at most 63/));
  it('refuses names over 253 characters', () =>
    expect(reverseProblem(`${'a.'.repeat(127)}com`)).toMatch(/at most 253/));
  it.each(['-mail.example.com', 'mail-.example.com'])('refuses the hyphen in %s', (name) =>
    expect(reverseProblem(name)).toMatch(/hyphen/),
  );
  it.each(['mail_1.example.com', 'mail example.com', 'mäil.example.com', 'http://a.b'])(
    'refuses characters in %s',
    (name) => expect(reverseProblem(name)).toMatch(/letters, digits, hyphens and dots/),
  );
  it('refuses an address', () =>
    expect(reverseProblem('192.0.2.1')).toMatch(/address, not a host name/));
});

describe('form schemas', () => {
  const errors = (result: {
    success: boolean;
    error?: z.ZodError;
  }): Record<string, string[] | undefined> =>
    result.error ? z.flattenError(result.error).fieldErrors : {};

  it('create public interface: defaults and coercion', () => {
    expect(
      createPublicIfaceSchema.parse({
        datacenter_id: '3',
        ip_mode: 'ipv6',
        bandwidth: '102400',
        vm_id: '',
      }),
    ).toEqual({ datacenter_id: 3, ip_mode: 'ipv6', bandwidth: 102_400 });
    expect(
      createPublicIfaceSchema.parse({
        datacenter_id: '3',
        ip_mode: 'dual',
        bandwidth: '10240',
        vm_id: '42',
      }).vm_id,
    ).toBe(42);
  });
  it('create public interface: every field says what is wrong', () => {
    const result = createPublicIfaceSchema.safeParse({
      datacenter_id: '',
      ip_mode: 'v5',
      bandwidth: '999',
      vm_id: 'x',
    });
    expect(Object.keys(errors(result)).sort()).toEqual([
      'bandwidth',
      'datacenter_id',
      'ip_mode',
      'vm_id',
    ]);
  });
  it('reverse update: trims and validates', () => {
    expect(ipUpdateSchema.parse({ ip_id: '7', reverse: ' a.example.com ' })).toEqual({
      ip_id: 7,
      reverse: 'a.example.com',
    });
    expect(
      errors(ipUpdateSchema.safeParse({ ip_id: '7', reverse: 'bad_name.com' })).reverse?.[0],
    ).toMatch(/letters/);
  });
  it('attach requires a VM', () =>
    expect(errors(ifaceAttachSchema.safeParse({ iface_id: '1', vm_id: '' })).vm_id?.[0]).toMatch(
      /Choose a VM/,
    ));
});

describe('IP list URL', () => {
  it('has defaults', () =>
    expect(ipListQuerySchema.parse({})).toEqual({ page: 1, sort: '-created' }));
  it('reads valid filters', () =>
    expect(
      ipListQuerySchema.parse({
        page: '2',
        version: '6',
        type: 'private',
        dc: '3',
        vm: 'web',
        sort: 'ip',
      }),
    ).toEqual({
      page: 2,
      version: '6',
      type: 'private',
      dc: 3,
      vm: 'web',
      sort: 'ip',
    }));
  it('drops bad values instead of failing', () =>
    expect(
      ipListQuerySchema.parse({
        page: '-1',
        version: '5',
        type: 'x',
        dc: 'a',
        vm: "web%'",
        sort: 'zz',
      }),
    ).toEqual({
      page: 1,
      sort: '-created',
    }));
});
