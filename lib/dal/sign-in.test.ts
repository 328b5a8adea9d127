import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSharedTables } from '@/lib/shared-state/db';
import { addressKey, SignInThrottle, targetKey } from '@/lib/shared-state/sign-in-throttle';
import { openTestDb, type TestDb } from '@/lib/team/testing/test-db';
import { accountInfo, type GandiConnection } from '@/lib/gandi';
import { DEMO_API_KEY, startSimulator, type Simulator } from '@/simulator';
import type { Endpoint } from '@/lib/endpoints';
import { checkSignIn, type SignInDeps } from './sign-in';

let sim: Simulator;
let db: TestDb;
let clock = 0;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, quiet: true, instant: true });
  db = await openTestDb('sqlite');
});
afterAll(async () => {
  await sim.close();
  await db.dispose();
});

let clients = 0;
/** Each test is its own client (the throttle is shared storage, like across replicas). */
const nextClient = () => `203.0.113.${++clients}`;

function deps(overrides: Partial<SignInDeps> = {}): SignInDeps & { upstreamCalls: () => number } {
  let calls = 0;
  const endpoints: Endpoint[] = [
    { id: 'simulator', label: 'Local simulator', url: sim.url },
    // A port nothing listens on: "cannot reach".
    { id: 'ote', label: 'Gandi test (OT&E)', url: 'http://127.0.0.1:9/xmlrpc/' },
  ];
  return {
    client: nextClient(),
    throttle: new SignInThrottle(withSharedTables(db.db), {
      now: () => clock,
      freeFailures: 2,
      baseDelayMs: 1_000,
    }),
    findEndpoint: (id) => endpoints.find((endpoint) => endpoint.id === id),
    accountInfo: (conn: GandiConnection) => {
      calls += 1;
      return accountInfo(conn);
    },
    ...overrides,
    upstreamCalls: () => calls,
  };
}

describe('checkSignIn', () => {
  it('accepts a good key and returns what the session stores', async () => {
    const result = await checkSignIn(
      { apiKey: ` ${DEMO_API_KEY}\n`, endpointId: 'simulator' },
      deps(),
    );
    expect(result).toEqual({
      ok: true,
      session: { apiKey: DEMO_API_KEY, endpointId: 'simulator', handle: 'DA1234-GANDI' },
    });
  });

  it('refuses a malformed key without calling the API', async () => {
    const d = deps();
    const result = await checkSignIn({ apiKey: 'NOT-A-KEY', endpointId: 'simulator' }, d);
    expect(result).toEqual({
      ok: false,
      state: {
        status: 'error',
        message: 'Check the highlighted fields.',
        fieldErrors: { apiKey: ['An API key is 24 lowercase letters and digits'] },
      },
    });
    expect(d.upstreamCalls()).toBe(0);
  });

  it('refuses an endpoint id the server does not offer (the browser never sends a URL)', async () => {
    const result = await checkSignIn(
      { apiKey: DEMO_API_KEY, endpointId: 'http://evil.example/' },
      deps(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.state.fieldErrors).toEqual({
        endpointId: ['Choose one of the offered endpoints'],
      });
  });

  it('says an unknown key is unknown, next to the key field, and never echoes it', async () => {
    const unknownKey = 'unknownkey00000000000042';
    const result = await checkSignIn({ apiKey: unknownKey, endpointId: 'simulator' }, deps());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state.fieldErrors?.apiKey?.[0]).toBe(
      'Local simulator does not know this API key (revoked or mistyped).',
    );
    expect(JSON.stringify(result)).not.toContain(unknownKey);
  });

  it('slows repeated failures from one client, then lets it try again later', async () => {
    const d = deps();
    const attempt = () =>
      checkSignIn({ apiKey: 'slowedkey000000000000042', endpointId: 'simulator' }, d);
    await attempt();
    await attempt();
    const third = await attempt();
    expect(third.ok === false && third.state.message).toBe(
      'Sign-in failed. Too many failures: wait 1 second before the next try.',
    );
    const locked = await checkSignIn({ apiKey: DEMO_API_KEY, endpointId: 'simulator' }, d);
    expect(locked).toEqual({
      ok: false,
      state: {
        status: 'error',
        message:
          'Too many failed sign-ins from this address or for this account. Try again in 1 second.',
      },
    });
    expect(d.upstreamCalls()).toBe(3);
    clock += 1_000;
    expect((await checkSignIn({ apiKey: DEMO_API_KEY, endpointId: 'simulator' }, d)).ok).toBe(true);
  });

  it('says so when the endpoint cannot be reached, without counting it as a guess', async () => {
    const d = deps();
    const result = await checkSignIn({ apiKey: DEMO_API_KEY, endpointId: 'ote' }, d);
    expect(result.ok === false && result.state.message).toMatch(/^Cannot reach 127\.0\.0\.1:9/);
    expect(await d.throttle.failures(addressKey(d.client))).toBe(0);
  });

  it('a success with one’s own key does not wipe the failures of guessing another', async () => {
    const d = deps();
    const guess = 'victimkey000000000000001';
    await checkSignIn({ apiKey: guess, endpointId: 'simulator' }, d);
    expect((await checkSignIn({ apiKey: DEMO_API_KEY, endpointId: 'simulator' }, d)).ok).toBe(true);
    expect(await d.throttle.failures(addressKey(d.client))).toBe(1);
    expect(await d.throttle.failures(targetKey('api-key', guess))).toBe(1);
  });

  it('changing address does not reset the count against one key', async () => {
    const guess = 'rotatedkey00000000000001';
    const results = [];
    for (let i = 0; i < 3; i += 1)
      results.push(await checkSignIn({ apiKey: guess, endpointId: 'simulator' }, deps()));
    const last = results[2]!;
    expect(last.ok === false && last.state.message).toBe(
      'Sign-in failed. Too many failures: wait 1 second before the next try.',
    );
    const fresh = await checkSignIn({ apiKey: guess, endpointId: 'simulator' }, deps());
    expect(fresh.ok === false && fresh.state.message).toMatch(/^Too many failed sign-ins/);
  });
});
