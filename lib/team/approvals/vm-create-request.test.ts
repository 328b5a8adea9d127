import { describe, expect, it } from 'vitest';
import { createVmSchema } from '@/lib/validation/vm';
import { buildCreateFromCall } from '@/lib/validation/vm-create-call';
import { decryptSecret, encryptSecret, DecryptionRefusedError } from '../crypto';
import { redactParams, REDACTED } from '../audit/redact';
import { requestedAuditEntry, NO_ACTOR } from './approval-audit';
import {
  describeVmCreate,
  passwordAad,
  toCreateFromCall,
  toVmCreateParams,
  VmCreateRequestError,
} from './vm-create-request';

const KEY = Buffer.alloc(32, 9);
const PASSWORD = 'Root-pass-4711!';
const wizard = createVmSchema.parse({
  token: '00000000-0000-4000-8000-000000000001',
  datacenter_id: '1',
  src_disk_id: '3315704',
  hostname: 'big-one',
  cores: '4',
  memory: '4096',
  disk_size: '10240',
  ip_mode: 'dual',
  bandwidth: '102400',
  password: PASSWORD,
  ssh_key_ids: '',
});
const seal = (workspace: string) => (pw: string) => encryptSecret(KEY, pw, passwordAad(workspace));
const unseal = (workspace: string) => (blob: string) =>
  decryptSecret(KEY, blob, passwordAad(workspace));

describe('a wizard creation held for approval', () => {
  it('keeps the validated create_from call without the password in clear, and runs it exactly', () => {
    const params = toVmCreateParams(wizard, seal('ws-1'));
    const stored = JSON.stringify(params);
    expect(stored).not.toContain(PASSWORD);
    expect(params.vm_spec).toEqual({
      datacenter_id: 1,
      hostname: 'big-one',
      memory: 4096,
      cores: 4,
      ip_version: 4,
      bandwidth: 102400,
    });
    const call = toCreateFromCall(JSON.parse(stored), unseal('ws-1'));
    // The very call the wizard would have made itself, password included.
    expect(call).toEqual(buildCreateFromCall(wizard));
    expect(call.vmSpec.password).toBe(PASSWORD);
  });

  it('does not open the password in another workspace', () => {
    const params = toVmCreateParams(wizard, seal('ws-1'));
    expect(() => toCreateFromCall(params, unseal('ws-2'))).toThrow(DecryptionRefusedError);
  });

  it('keeps SSH-key-only requests without any password field', () => {
    const keysOnly = { ...wizard, password: '', ssh_key_ids: [7] };
    const params = toVmCreateParams(keysOnly, () => {
      throw new Error('nothing to seal');
    });
    expect(params.password_sealed).toBeUndefined();
    expect(toCreateFromCall(params, () => 'x').vmSpec).toMatchObject({ keys: [7] });
    expect(toCreateFromCall(params, () => 'x').vmSpec.password).toBeUndefined();
  });

  it('redacts even the sealed password in the audit entry', () => {
    const params = toVmCreateParams(wizard, seal('ws-1'));
    const entry = requestedAuditEntry(
      { id: 'r1', action: 'vm.create', params, why: 'Over quota' },
      NO_ACTOR,
    );
    expect(JSON.stringify(entry.params)).not.toContain(params.password_sealed);
    expect(redactParams(params)).toMatchObject({ password_sealed: REDACTED, hostname: 'big-one' });
  });

  it('refuses a private VLAN and a damaged request', () => {
    expect(() => toVmCreateParams({ ...wizard, vlan_id: 5 }, seal('ws-1'))).toThrow(
      VmCreateRequestError,
    );
    expect(() => toCreateFromCall({ hostname: 'x' }, unseal('ws-1'))).toThrow(
      'This request is damaged',
    );
    expect(describeVmCreate(toVmCreateParams(wizard, seal('ws-1')))).toBe(
      'Create VM big-one (4 cores, 4 GB)',
    );
    expect(describeVmCreate({ template_name: 'x' })).toBeNull();
  });
});
