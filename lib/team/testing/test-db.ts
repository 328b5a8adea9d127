import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openTeamDb, type OpenedTeamDb } from '../db/connect';

/**
 * Storage backends the storage tests run against: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (CI starts one). Each opened database is empty and private to the test.
 */
export type TestBackend = 'sqlite' | 'postgres';

export const TEST_BACKENDS: TestBackend[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestDb extends OpenedTeamDb {
  /** SQLite file path (for tests that edit it directly); undefined for PostgreSQL. */
  file?: string;
  dispose(): Promise<void>;
}

let schemaCounter = 0;

export async function openTestDb(kind: TestBackend): Promise<TestDb> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'team-db-'));
    const file = path.join(dir, 'portal.sqlite');
    const opened = await openTeamDb({ kind: 'sqlite', file });
    return {
      ...opened,
      file,
      dispose: async () => {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  // One schema per test database: parallel test files never see each other's rows.
  schemaCounter += 1;
  const schema = `team_test_${process.pid}_${schemaCounter}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const opened = await openTeamDb({ kind: 'postgres', url: url.toString() });
  return {
    ...opened,
    dispose: async () => {
      await opened.close();
      const cleanup = new Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** A clock that moves one second per call and hands out numbered ids. */
export function steppingClock(start = Date.UTC(2026, 10, 27, 12, 0, 0)) {
  let tick = 0;
  let ids = 0;
  return {
    now: () => new Date(start + 1000 * tick++),
    id: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  };
}
