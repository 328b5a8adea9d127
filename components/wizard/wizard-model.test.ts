import { describe, expect, it } from 'vitest';
import {
  INITIAL_DRAFT,
  chooseDatacenter,
  chooseImage,
  datacenterStatus,
  draftToInput,
  firstIncompleteStep,
  stepErrors,
  vlansOf,
  type WizardCatalog,
  type WizardDraft,
} from './wizard-model';

const catalog: WizardCatalog = {
  datacenters: [
    {
      id: 1,
      name: 'Equinix Paris',
      dcCode: 'FR-SD2',
      country: 'France',
      iaasClosedFor: 'NEW',
      deactivateAt: '2017-12-25T00:00:00.000Z',
    },
    {
      id: 2,
      name: 'Level3 Baltimore',
      dcCode: 'US-BA1',
      country: 'USA',
      iaasClosedFor: 'ALL',
      deactivateAt: null,
    },
    {
      id: 4,
      name: 'Paris, France SD3',
      dcCode: 'FR-SD3',
      country: 'France',
      iaasClosedFor: 'NONE',
      deactivateAt: null,
    },
  ],
  images: [
    {
      diskId: 100,
      datacenterId: 4,
      label: 'Debian 9',
      size: 3072,
      osArch: 'x86-64',
      deprecated: false,
    },
    {
      diskId: 101,
      datacenterId: 4,
      label: 'Debian 8',
      size: 2500,
      osArch: 'x86-64',
      deprecated: true,
    },
    {
      diskId: 200,
      datacenterId: 1,
      label: 'Debian 9',
      size: 3072,
      osArch: 'x86-64',
      deprecated: false,
    },
  ],
  sshKeys: [{ id: 7, name: 'laptop', fingerprint: 'aa:bb' }],
};

const complete: WizardDraft = {
  ...INITIAL_DRAFT,
  datacenterId: 4,
  srcDiskId: 100,
  diskSizeGb: '10',
  hostname: 'web1',
  password: 'longenough',
};

describe('datacenterStatus', () => {
  it('classifies open, closing (with its date) and closed datacenters', () => {
    expect(datacenterStatus(catalog.datacenters[2]!)).toEqual({ kind: 'open' });
    expect(datacenterStatus(catalog.datacenters[0]!)).toEqual({
      kind: 'closing',
      on: '2017-12-25T00:00:00.000Z',
    });
    expect(datacenterStatus(catalog.datacenters[1]!)).toEqual({ kind: 'closed' });
  });
});

describe('choices', () => {
  it('keeps the image when it exists in the new datacenter, drops it otherwise', () => {
    expect(chooseDatacenter(complete, catalog, 4).srcDiskId).toBe(100);
    expect(chooseDatacenter(complete, catalog, 1).srcDiskId).toBeNull();
  });
  it('raises the disk to the image size, rounded up to a GB, and keeps a bigger choice', () => {
    const image = catalog.images[1]!;
    expect(chooseImage({ ...complete, diskSizeGb: '' }, image).diskSizeGb).toBe('3');
    expect(chooseImage({ ...complete, diskSizeGb: '2' }, image).diskSizeGb).toBe('3');
    expect(chooseImage({ ...complete, diskSizeGb: '20' }, image).diskSizeGb).toBe('20');
  });
});

describe('stepErrors', () => {
  it('requires an open datacenter', () => {
    expect(stepErrors('datacenter', INITIAL_DRAFT, catalog).datacenter_id).toMatch(/Choose/);
    expect(
      stepErrors('datacenter', { ...complete, datacenterId: 2 }, catalog).datacenter_id,
    ).toMatch(/closed/);
    expect(stepErrors('datacenter', { ...complete, datacenterId: 1 }, catalog)).toEqual({});
  });
  it('requires an image of the chosen datacenter', () => {
    expect(stepErrors('image', { ...complete, srcDiskId: 200 }, catalog).src_disk_id).toBeDefined();
    expect(stepErrors('image', complete, catalog)).toEqual({});
  });
  it('checks cores, memory and a disk at least the image size', () => {
    const errors = stepErrors(
      'size',
      { ...complete, cores: '0', memory: '100', diskSizeGb: '2' },
      catalog,
    );
    expect(Object.keys(errors).sort()).toEqual(['cores', 'disk_size', 'memory']);
    expect(stepErrors('size', { ...complete, cores: '' }, catalog).cores).toBeDefined();
  });
  it('checks hostname and the password-or-key rule', () => {
    const errors = stepErrors('access', { ...complete, hostname: '-x', password: '' }, catalog);
    expect(errors.hostname).toMatch(/hyphen/);
    expect(errors.password).toMatch(/password or choose/);
    expect(stepErrors('access', { ...complete, password: 'short' }, catalog).password).toMatch(
      /at least 8/,
    );
    expect(stepErrors('access', { ...complete, password: '', sshKeyIds: [7] }, catalog)).toEqual(
      {},
    );
  });
});

describe('draftToInput', () => {
  it('finds the first incomplete step', () => {
    expect(firstIncompleteStep(INITIAL_DRAFT, catalog)).toBe('datacenter');
    expect(firstIncompleteStep({ ...complete, hostname: '' }, catalog)).toBe('access');
    expect(firstIncompleteStep(complete, catalog)).toBeNull();
  });
  it('maps a complete draft onto the action input, disk size in MB', () => {
    expect(draftToInput(complete, catalog)).toEqual({
      datacenter_id: 4,
      src_disk_id: 100,
      hostname: 'web1',
      cores: 1,
      memory: 1024,
      disk_size: 10240,
      ip_mode: 'dual',
      bandwidth: 102400,
      password: 'longenough',
      ssh_key_ids: [],
    });
    expect(draftToInput({ ...complete, hostname: '' }, catalog)).toBeNull();
  });
});

describe('a VM on a private VLAN only', () => {
  const withVlans: WizardCatalog = {
    ...catalog,
    vlans: [
      { id: 8, name: 'backend', subnet: '10.0.0.0/24', datacenterId: 4 },
      { id: 9, name: 'other', subnet: null, datacenterId: 1 },
    ],
  };
  it('offers the VLANs of the chosen datacenter only', () => {
    expect(vlansOf(withVlans, 4).map((vlan) => vlan.name)).toEqual(['backend']);
    expect(vlansOf(catalog, 4)).toEqual([]);
  });
  it('sends vlan_id when a VLAN is chosen, nothing otherwise', () => {
    expect(draftToInput({ ...complete, vlanId: 8 }, withVlans)?.vlan_id).toBe(8);
    expect(draftToInput(complete, withVlans)).not.toHaveProperty('vlan_id');
  });
  it('refuses a VLAN of another datacenter on the network step', () => {
    expect(stepErrors('network', { ...complete, vlanId: 9 }, withVlans).vlan_id).toMatch(
      /VLAN of this datacenter/,
    );
  });
  it('drops the VLAN when the datacenter changes', () => {
    expect(chooseDatacenter({ ...complete, vlanId: 8 }, withVlans, 1).vlanId).toBeNull();
    expect(chooseDatacenter({ ...complete, vlanId: 8 }, withVlans, 4).vlanId).toBe(8);
  });
});
