/**
 * Shared by the fixture tests: a local server that answers with a recorded file byte for byte, and
 * checks on the request the client sent for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { GandiConnection } from '../types';
import { FIXTURES_DIR, parseCall, startFixtureServer, type FixtureServer } from './fixture-server';

export const FIXTURE_KEY = 'fixturekey00000000000001';

export interface RecordedFixtures {
  /** Serves `file` (relative to the fixtures folder) for the next request; returns a connection. */
  serve(file: string): GandiConnection;
  /** The request just sent, after checking its headers and that the key is the first parameter. */
  lastCall(): Promise<{ method: string; params: unknown[] }>;
}

/** Registers a fixture server for the calling test file (started before all, closed after all). */
export function setupRecordedFixtures(): RecordedFixtures {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server?.close());
  const running = (): FixtureServer => {
    if (!server) throw new Error('fixture server not started');
    return server;
  };
  return {
    serve(file) {
      const bytes = readFileSync(path.join(FIXTURES_DIR, file));
      running().respond(() => ({ body: bytes }));
      return { endpoint: running().url, apiKey: FIXTURE_KEY, timeoutMs: 5_000 };
    },
    async lastCall() {
      const req = running().requests.at(-1);
      if (!req) throw new Error('no request');
      expect(req.headers['content-type']).toBe('text/xml');
      expect(req.headers['user-agent']).toMatch(/^gandi-panel\//);
      const call = await parseCall(req.body);
      expect(call.params[0]).toBe(FIXTURE_KEY);
      return call;
    },
  };
}

export const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
  new Date(Date.UTC(y, mo - 1, d, h, mi, s));
