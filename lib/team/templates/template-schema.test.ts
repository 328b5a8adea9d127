import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  launchSchema,
  mayLaunch,
  specOf,
  storedSpecSchema,
  templateFormSchema,
  templateUpdateSchema,
} from './template-schema';

const VALID = {
  name: 'web small',
  datacenter_id: '4',
  src_disk_id: '3315704',
  cores: '2',
  memory: '2048',
  disk_size_gb: '10',
  ip_mode: 'dual',
  bandwidth: '102400',
  ssh_key_ids: ['7', '7', '9'],
  run: '#!/bin/sh\r\necho hi\r\n',
  snapshot_profile: '',
  roles: 'operator',
};

const errorsOf = (input: Record<string, unknown>) => {
  const parsed = templateFormSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('template validation', () => {
  it('accepts a complete template and stores sizes in MB, keys once, no profile as null', () => {
    const form = templateFormSchema.parse(VALID);
    expect(form.roles).toEqual(['operator']);
    expect(specOf(form)).toEqual({
      datacenter_id: 4,
      src_disk_id: 3315704,
      cores: 2,
      memory: 2048,
      disk_size: 10_240,
      ip_mode: 'dual',
      bandwidth: 102_400,
      ssh_key_ids: [7, 9],
      run: '#!/bin/sh\necho hi\n',
      snapshot_profile: null,
    });
    expect(storedSpecSchema.parse(specOf(form))).toEqual(specOf(form));
  });

  it("applies the wizard's own rules", () => {
    expect(errorsOf({ ...VALID, memory: '1000' }).memory).toEqual([
      'Memory is a multiple of 64 MB.',
    ]);
    expect(errorsOf({ ...VALID, cores: '0' }).cores?.[0]).toMatch(/core/i);
    expect(errorsOf({ ...VALID, disk_size_gb: '2000' }).disk_size_gb?.[0]).toMatch(
      /at most 1024 GB/,
    );
    expect(errorsOf({ ...VALID, bandwidth: '5' }).bandwidth).toEqual([
      'Choose a bandwidth from the list.',
    ]);
    expect(errorsOf({ ...VALID, ip_mode: 'ipv4' }).ip_mode).toBeDefined();
  });

  it('needs a name, an SSH key (no passwords in templates) and known roles', () => {
    expect(errorsOf({ ...VALID, name: '  ' }).name).toEqual(['Give the template a name.']);
    expect(errorsOf({ ...VALID, ssh_key_ids: undefined }).ssh_key_ids).toEqual([
      'Choose at least one SSH key: templates carry no password.',
    ]);
    expect(errorsOf({ ...VALID, roles: ['operator', 'viewer'] }).roles).toBeDefined();
    expect(templateFormSchema.parse({ ...VALID, roles: undefined }).roles).toEqual([]);
  });

  it('bounds the first-boot script', () => {
    expect(errorsOf({ ...VALID, run: 'x'.repeat(16_385) }).run).toBeDefined();
    expect(errorsOf({ ...VALID, run: 'a\0b' }).run).toEqual([
      'The script cannot contain NUL bytes.',
    ]);
    expect(templateFormSchema.parse({ ...VALID, run: undefined }).run).toBe('');
  });

  it('refuses a tampered stored spec', () => {
    const spec = specOf(templateFormSchema.parse(VALID));
    expect(storedSpecSchema.safeParse({ ...spec, cores: 64 }).success).toBe(false);
    expect(storedSpecSchema.safeParse({ ...spec, ssh_key_ids: [] }).success).toBe(false);
    expect(storedSpecSchema.safeParse({ ...spec, disk_size: 1500 }).success).toBe(false);
  });

  it('launch: a hostname by the wizard rules; roles restrict who launches', () => {
    const ok = { template_id: crypto.randomUUID(), hostname: 'web-1' };
    expect(launchSchema.safeParse(ok).success).toBe(true);
    expect(launchSchema.safeParse({ ...ok, hostname: '-web' }).success).toBe(false);
    expect(mayLaunch('owner', [])).toBe(true);
    expect(mayLaunch('operator', ['operator'])).toBe(true);
    expect(mayLaunch('operator', ['admin'])).toBe(false);
    expect(mayLaunch('viewer', ['admin', 'operator'])).toBe(false);
  });

  it('an edit is validated by the same rules and names the template it replaces', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const edit = templateUpdateSchema.parse({ ...VALID, template_id: id, memory: '3072' });
    expect(edit.template_id).toBe(id);
    expect(specOf(edit)).toEqual({ ...specOf(templateFormSchema.parse(VALID)), memory: 3072 });
    const refused = templateUpdateSchema.safeParse({ ...VALID, template_id: id, memory: '1000' });
    expect(refused.success ? {} : z.flattenError(refused.error).fieldErrors.memory).toEqual([
      'Memory is a multiple of 64 MB.',
    ]);
    expect(templateUpdateSchema.safeParse({ ...VALID, template_id: 'nope' }).success).toBe(false);
    expect(templateUpdateSchema.safeParse(VALID).success).toBe(false);
  });
});
