import { describe, expect, it } from 'vitest';
import {
  canFinalize,
  finalizeMigrationSchema,
  migrationPhase,
  migrationRefusal,
  startMigrationSchema,
} from './migration';

describe('migration forms', () => {
  it('start needs a VM id', () => {
    expect(startMigrationSchema.parse({ vm_id: '42' })).toEqual({ vm_id: 42 });
    for (const vm_id of ['', '0', '-1', '1.5', 'abc', undefined]) {
      expect(startMigrationSchema.safeParse({ vm_id }).success).toBe(false);
    }
  });

  it('finalize needs the VM and the migration operation', () => {
    expect(finalizeMigrationSchema.parse({ vm_id: '42', operation_id: '9001' })).toEqual({
      vm_id: 42,
      operation_id: 9001,
    });
    expect(finalizeMigrationSchema.safeParse({ vm_id: '42' }).success).toBe(false);
    expect(finalizeMigrationSchema.safeParse({ vm_id: '42', operation_id: 'x' }).success).toBe(
      false,
    );
  });
});

describe('migration phase', () => {
  it.each([
    ['WAIT', undefined, 'copying'],
    ['BILL', null, 'copying'],
    ['RUN', 'wait_sync', 'copying'],
    ['RUN', 'wait_finalize', 'ready-to-finalize'],
    ['RUN', 'finalize', 'finalizing'],
    ['RUN', 'something_new', 'finalizing'],
    ['DONE', 'finalize', 'done'],
    ['ERROR', 'wait_sync', 'failed'],
    ['SUPPORT', 'wait_sync', 'failed'],
    ['CANCEL', 'wait_sync', 'cancelled'],
  ] as const)('%s with inner step %s is %s', (step, inner, phase) => {
    expect(migrationPhase(step, inner)).toBe(phase);
  });

  it('offers finalize only once the copy waits for it', () => {
    expect(canFinalize('ready-to-finalize')).toBe(true);
    for (const phase of ['copying', 'finalizing', 'done', 'failed', 'cancelled'] as const) {
      expect(canFinalize(phase)).toBe(false);
    }
  });
});

describe('migration refusal', () => {
  it('allows a VM with a target', () => {
    expect(
      migrationRefusal({ canMigrate: true, targets: ['FR-SD3'], matched: ['FR-SD2'] }, false),
    ).toBeNull();
  });

  it('refuses while a migration runs', () => {
    expect(migrationRefusal({ canMigrate: true, targets: ['FR-SD3'], matched: [] }, true)).toMatch(
      /already under way/,
    );
  });

  it('explains a datacenter not opened yet, as gandi.cli does', () => {
    expect(migrationRefusal({ canMigrate: false, targets: [], matched: ['FR-SD5'] }, false)).toBe(
      'This VM cannot be migrated yet: migration will be available when datacenter FR-SD5 is opened.',
    );
  });

  it('does not promise a datacenter opening when "matched" is the VM\'s own datacenter', () => {
    expect(
      migrationRefusal({ canMigrate: false, targets: [], matched: ['FR-SD3'] }, false, 'FR-SD3'),
    ).toBe('This VM cannot be migrated from its datacenter.');
  });

  it('refuses without any explanation from the API', () => {
    expect(migrationRefusal({ canMigrate: false, targets: [], matched: [] }, false)).toBe(
      'This VM cannot be migrated from its datacenter.',
    );
    expect(migrationRefusal({ canMigrate: true, targets: [], matched: [] }, false)).toMatch(
      /no datacenter/,
    );
  });
});
