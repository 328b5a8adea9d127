/**
 * Permission before parsing, and capped audit parameters, through `defineAction` with a real
 * team store: before, a viewer's invalid input was parsed and logged in full (30 requests of
 * ~1 MB made the audit page 56 MB).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { VerifiedSession } from '@/lib/dal/auth';
import { openTeamWorld, type TeamWorld } from '../testing/team-world';
import { listAudit } from '../store/audit-store';
import type { TeamPrincipal } from '../principal';
import { AUDIT_PARAMS_MAX_BYTES, auditParams, knownKeys } from './audit-params';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/dal/auth', () => ({
  verifySession: async () => session.current,
  handleRevokedKey: async () => undefined,
}));
vi.mock('../client-address', () => ({ requestAddress: async () => '198.51.100.4' }));

const { defineAction } = await import('@/lib/action');

let world: TeamWorld;
let workspaceId = '';
let members: Record<string, TeamPrincipal>;
let apiKey = '';

beforeAll(async () => {
  world = await openTeamWorld();
  const ws = await world.workspace();
  ({ workspaceId, members } = ws);
  apiKey = ws.conn.apiKey;
});

afterAll(async () => {
  await world.close();
});

function as(principal: TeamPrincipal): void {
  const ctx: VerifiedSession = {
    conn: { endpoint: world.sim.url, apiKey },
    handle: 'AB1234-GANDI',
    endpoint: { id: 'simulator', label: 'Simulator' },
    principal,
  };
  session.current = ctx;
}

const renameSchema = z.object({
  vm_id: z.coerce.number().int().positive(),
  hostname: z.string().min(1).max(63),
});
let handled = 0;
const renameAction = defineAction(
  renameSchema,
  async () => {
    handled += 1;
    return { ok: true };
  },
  { permission: 'vm.update', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

function hugeForm(): FormData {
  const form = new FormData();
  form.set('vm_id', 'not-a-number');
  form.set('hostname', 'x'.repeat(1_000_000));
  form.set('junk', 'y'.repeat(1_000_000));
  return form;
}

/** The latest entry, its parameters as stored (JSON text) and read back. */
async function lastEntry() {
  const entry = (await listAudit(world.db.db, workspaceId, { limit: 1 }))[0]!;
  const stored = String(entry.params);
  return { ...entry, stored, params: JSON.parse(stored) as Record<string, unknown> };
}

describe('a refused or invalid request costs the audit log a few KB at most', () => {
  it("refuses a viewer's 1 MB invalid input before parsing it, logging only capped known fields", async () => {
    as(members.viewer!);
    const state = await renameAction({ status: 'idle' }, hugeForm());
    expect(state).toMatchObject({
      status: 'error',
      message: 'Your role (Viewer) does not allow this.',
    });
    expect(handled).toBe(0);
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: 'vm.update', result: 'refused' });
    expect(Buffer.byteLength(entry.stored)).toBeLessThanOrEqual(AUDIT_PARAMS_MAX_BYTES);
    expect(Object.keys(entry.params).sort()).toEqual(['hostname', 'vm_id']);
  });

  it("an allowed member's invalid input is logged as invalid, capped, without unknown fields", async () => {
    as(members.admin!);
    const state = await renameAction({ status: 'idle' }, hugeForm());
    expect(state).toMatchObject({ status: 'error', message: 'Some fields need attention.' });
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: 'vm.update', result: 'invalid' });
    expect(Buffer.byteLength(entry.stored)).toBeLessThanOrEqual(AUDIT_PARAMS_MAX_BYTES);
    expect(entry.params).not.toHaveProperty('junk');
  });
});

describe('auditParams', () => {
  it('keeps the known fields, redacts secrets before shortening, caps the whole', () => {
    const key = 'k'.repeat(24);
    expect(
      auditParams(
        { name: 'web', password: 'hunter22', other: 1, note: `has ${key} inside` },
        { keys: ['name', 'password', 'note'], secrets: [key] },
      ),
    ).toEqual({ name: 'web', password: '[redacted]', note: '[redacted]' });
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`f${i}`, 'z'.repeat(300)]),
    );
    expect(auditParams(many, { keys: Object.keys(many) })).toMatchObject({ truncated: true });
    expect(auditParams({ a: 1 }, { keys: null })).toEqual({});
  });

  it('reads the keys of object schemas, also behind a pipe', () => {
    expect(knownKeys(renameSchema)).toEqual(['vm_id', 'hostname']);
    expect(knownKeys(renameSchema.transform((v) => v))).toEqual(['vm_id', 'hostname']);
    expect(knownKeys(z.string())).toBe(null);
  });
});
