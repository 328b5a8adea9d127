import { afterEach } from 'vitest';
import { openTestDb, type TestBackend, type TestDb } from './test-db';

/**
 * For a `describe` block of storage tests: `open()` gives the running test an empty database on
 * `kind` (SQLite, or a private schema of TEST_DATABASE_URL), closed and removed after that test.
 */
export function freshTestDb(kind: TestBackend): () => Promise<TestDb> {
  const opened: TestDb[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.dispose()));
  });
  return async () => {
    const db = await openTestDb(kind);
    opened.push(db);
    return db;
  };
}
