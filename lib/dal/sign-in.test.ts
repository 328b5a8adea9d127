import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountInfo, type GandiConnection } from '@/lib/gandi';
import { DEMO_API_KEY, startSimulator, type Simulator } from '@/simulator';
import type { Endpoint } from '@/lib/endpoints';
import { checkSignIn, type SignInDeps } from './sign-in';
import { SignInThrottle } from './sign-in-throttle';

let sim: Simulator;
let clock = 0;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, quiet: true, instant: true });
});
afterAll(async () => {
  await sim.close();
});

function deps(overrides: Partial<SignInDeps> = {}): SignInDeps & { upstreamCalls: () => number } {
  let calls = 0;
  const endpoints: Endpoint[] = [
    { id: 'simulator', label: 'Local simulator', url: sim.url },
    // A port nothing listens on: "cannot reach".
    { id: 'ote', label: 'Gandi test (OT&E)', url: 'http://127.0.0.1:9/xmlrpc/' },
  ];
  return {
    client: '203.0.113.7',
    throttle: new SignInThrottle({ now: () => clock, freeFailures: 2, baseDelayMs: 1_000 }),
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
      checkSignIn({ apiKey: 'unknownkey00000000000042', endpointId: 'simulator' }, d);
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
        message: 'Too many failed sign-ins from this address. Try again in 1 second.',
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
    expect(d.throttle.size).toBe(0);
  });
});
