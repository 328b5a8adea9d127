import { describe, expect, it } from 'vitest';
import { TeamStore } from './store/team-store';
import { freshTestDb } from './testing/fresh-db';
import { TEST_BACKENDS } from './testing/test-db';
import { createWorkspaceWithinCap } from './workspace-cap';

function newWorkspace(handle: string, i: number, endpointId = 'simulator') {
  return {
    name: `W${i}`,
    endpointId,
    handle,
    apiKey: 'demoaccount0000000000001',
    ownerEmail: `owner${i}@example.test`,
    ownerPasswordHash: 'x',
  };
}

describe.each(TEST_BACKENDS)('the cap on workspaces per Gandi account (%s)', (backend) => {
  const openDb = freshTestDb(backend);

  it('allows workspaces up to the cap, then refuses that account only', async () => {
    const opened = await openDb();
    const store = new TeamStore(opened.db, opened.dialect, Buffer.alloc(32, 4));
    for (let i = 0; i < 2; i++) {
      expect(
        await createWorkspaceWithinCap(store, newWorkspace('AB1234-GANDI', i), 2),
      ).toHaveProperty('workspace');
    }
    expect(await createWorkspaceWithinCap(store, newWorkspace('AB1234-GANDI', 2), 2)).toEqual({
      problem: 'This Gandi account already has 2 workspaces: the most this portal allows.',
    });
    // Another account, or the same handle on another endpoint, is counted apart.
    expect(
      await createWorkspaceWithinCap(store, newWorkspace('ZZ9999-GANDI', 3), 2),
    ).toHaveProperty('workspace');
    expect(
      await createWorkspaceWithinCap(store, newWorkspace('AB1234-GANDI', 4, 'ote'), 2),
    ).toHaveProperty('workspace');
    expect((await store.listWorkspaceIds()).length).toBe(4);
  });

  it('lets exactly the cap through when creations arrive at the same moment', async () => {
    const opened = await openDb();
    const store = new TeamStore(opened.db, opened.dialect, Buffer.alloc(32, 4));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createWorkspaceWithinCap(store, newWorkspace('AB1234-GANDI', i), 2),
      ),
    );
    expect(results.filter((r) => 'workspace' in r)).toHaveLength(2);
    expect(results.filter((r) => 'problem' in r)).toHaveLength(4);
    expect((await store.listWorkspaceIds()).length).toBe(2);
  });
});
