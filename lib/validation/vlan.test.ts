import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createPrivateIfaceSchema,
  createVlanSchema,
  deleteVlanSchema,
  privateIfaceProblems,
  updateVlanProblems,
  updateVlanSchema,
  vlanListQuerySchema,
  vlanNameProblem,
} from './vlan';

const fieldErrors = (result: {
  success: boolean;
  error?: z.ZodError;
}): Record<string, string[] | undefined> =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe('VLAN name rule', () => {
  it.each(['test_vlan', 'backend-1', 'a', 'v1.prod', 'x'.repeat(50)])('accepts %s', (name) =>
    expect(vlanNameProblem(name)).toBeNull(),
  );
  it('requires a name', () => expect(vlanNameProblem('  ')).toMatch(/Enter a name/));
  it('limits the length', () => expect(vlanNameProblem('x'.repeat(51))).toMatch(/at most 50/));
  it.each(['my vlan', '-lead', '_lead', 'semi;colon', 'é'])('refuses %j', (name) =>
    expect(vlanNameProblem(name)).toMatch(/letters, digits/),
  );
});

describe('create VLAN schema', () => {
  it('accepts name and datacenter alone (the API picks the subnet)', () =>
    expect(
      createVlanSchema.parse({ name: ' lan ', datacenter_id: '1', subnet: '', gateway: '' }),
    ).toEqual({
      name: 'lan',
      datacenter_id: 1,
    }));
  it('accepts a subnet with a gateway inside it', () =>
    expect(
      createVlanSchema.parse({
        name: 'lan',
        datacenter_id: '1',
        subnet: '10.0.0.0/24',
        gateway: '10.0.0.1',
      }),
    ).toMatchObject({ subnet: '10.0.0.0/24', gateway: '10.0.0.1' }));
  it('puts each problem on its field', () => {
    const errors = fieldErrors(
      createVlanSchema.safeParse({
        name: 'bad name',
        datacenter_id: '',
        subnet: '10.0.0.1/24',
        gateway: '10.0.0.9',
      }),
    );
    expect(errors.name?.[0]).toMatch(/letters/);
    expect(errors.datacenter_id?.[0]).toMatch(/datacenter/);
    expect(errors.subnet?.[0]).toMatch(/host bits/);
    // The gateway is not judged against a subnet that is itself wrong.
    expect(errors.gateway).toBeUndefined();
  });
  it('refuses a gateway outside the subnet', () =>
    expect(
      fieldErrors(
        createVlanSchema.safeParse({
          name: 'lan',
          datacenter_id: '1',
          subnet: '10.0.0.0/24',
          gateway: '10.0.1.1',
        }),
      ).gateway?.[0],
    ).toMatch(/inside 10\.0\.0\.0\/24/));
  it('refuses a gateway without a subnet', () =>
    expect(
      fieldErrors(
        createVlanSchema.safeParse({ name: 'lan', datacenter_id: '1', gateway: '10.0.0.1' }),
      ).gateway?.[0],
    ).toMatch(/Give the subnet too/));
});

describe('update VLAN', () => {
  it('parses and trims', () =>
    expect(updateVlanSchema.parse({ vlan_id: '4', name: ' new ', gateway: '' })).toEqual({
      vlan_id: 4,
      name: 'new',
    }));
  it('checks the gateway against the real subnet', () => {
    expect(updateVlanProblems({ name: 'lan', gateway: '192.168.0.1' }, '192.168.0.0/24')).toEqual(
      {},
    );
    expect(
      updateVlanProblems({ name: 'lan', gateway: '10.0.0.1' }, '192.168.0.0/24').gateway?.[0],
    ).toMatch(/inside/);
    expect(updateVlanProblems({ name: 'lan', gateway: '10.0.0.1' }, null).gateway?.[0]).toMatch(
      /no subnet/,
    );
    expect(
      updateVlanProblems({ name: '', gateway: undefined }, '192.168.0.0/24').name?.[0],
    ).toMatch(/Enter a name/);
  });
});

describe('delete VLAN', () => {
  it('requires the typed name', () =>
    expect(
      fieldErrors(deleteVlanSchema.safeParse({ vlan_id: '1', confirm_name: '' })).confirm_name?.[0],
    ).toMatch(/Type the VLAN name/));
});

describe('private interface', () => {
  const vlan = { subnet: '192.168.0.0/24', gateway: '192.168.0.1' };
  it('lets the API choose when no address is given', () => {
    const input = createPrivateIfaceSchema.parse({ vlan_id: '2', ip: ' ', vm_id: '' });
    expect(input).toEqual({ vlan_id: 2 });
    expect(privateIfaceProblems(input.ip, vlan)).toEqual({});
  });
  it('accepts an address of the subnet', () =>
    expect(privateIfaceProblems('192.168.0.10', vlan)).toEqual({}));
  it('refuses an address outside the CIDR', () =>
    expect(privateIfaceProblems('192.168.2.10', vlan).ip?.[0]).toMatch(
      /inside 192\.168\.0\.0\/24/,
    ));
  it('refuses the gateway', () =>
    expect(privateIfaceProblems('192.168.0.1', vlan).ip?.[0]).toMatch(/gateway/));
  it('refuses the network address', () =>
    expect(privateIfaceProblems('192.168.0.0', vlan).ip?.[0]).toMatch(/network address/));
  it('refuses an address when the VLAN has no subnet', () =>
    expect(privateIfaceProblems('192.168.0.10', { subnet: null, gateway: null }).ip?.[0]).toMatch(
      /no subnet/,
    ));
  it('reads an optional VM', () =>
    expect(createPrivateIfaceSchema.parse({ vlan_id: '2', vm_id: '9' }).vm_id).toBe(9));
});

describe('VLAN list URL', () => {
  it('is lenient', () =>
    expect(vlanListQuerySchema.parse({ page: 'x', dc: '-3' })).toEqual({ page: 1 }));
});
