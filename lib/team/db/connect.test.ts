import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTeamDb } from './connect';

/** The team storage holds password hashes and sealed keys: nobody but the panel's user reads it. */
describe('SQLite team storage files', () => {
  let root = '';
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('creates its directory 0700 and its database files 0600, whatever the umask', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'team-files-'));
    const dir = path.join(root, '.data');
    const file = path.join(dir, 'portal.sqlite');
    const previous = process.umask(0o022);
    try {
      const opened = await openTeamDb({ kind: 'sqlite', file });
      await opened.close();
    } finally {
      process.umask(previous);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
