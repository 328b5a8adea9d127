import { describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/env';
import { TeamStore } from './store/team-store';
import { freshTestDb } from './testing/fresh-db';
import { TEST_BACKENDS } from './testing/test-db';
import { workspaceCapProblem } from './workspace-cap';

describe.each(TEST_BACKENDS)('the cap on workspaces per Gandi account (%s)', (backend) => {
  const openDb = freshTestDb(backend);

  it('allows workspaces up to the cap, then refuses that account only', async () => {
    const opened = await openDb();
    const store = new TeamStore(opened.db, opened.dialect, Buffer.alloc(32, 4));
    const cap = getEnv().maxWorkspacesPerAccount;
    for (let i = 0; i < cap; i++) {
      expect(await workspaceCapProblem(store, 'simulator', 'AB1234-GANDI')).toBeNull();
      await store.createWorkspace({
        name: `W${i}`,
        endpointId: 'simulator',
        handle: 'AB1234-GANDI',
        apiKey: 'demoaccount0000000000001',
        ownerEmail: `owner${i}@example.test`,
        ownerPasswordHash: 'x',
      });
    }
    expect(await workspaceCapProblem(store, 'simulator', 'AB1234-GANDI')).toContain(
      `already has ${cap} workspace`,
    );
    // Another account, or the same handle on another endpoint, is counted apart.
    expect(await workspaceCapProblem(store, 'simulator', 'ZZ9999-GANDI')).toBeNull();
    expect(await workspaceCapProblem(store, 'ote', 'AB1234-GANDI')).toBeNull();
  });
});
