/**
 * Load balancers (`hosting.rproxy.*`) through the XML-RPC endpoint, with Python's xmlrpc.client:
 * every role reads them; a change is decided by the gate (owners and admins only, on load
 * balancers the account has), and a refused one changes nothing upstream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import {
  MEMBERS,
  pythonCalls,
  startGateway,
  type GatewayHarness,
  type PythonResult,
} from './testing/harness';

const SPEC = {
  datacenter_id: 4,
  name: 'lb-gateway',
  lb: { algorithm: 'round-robin' },
  ssl_enable: false,
  servers: [{ ip: '192.0.2.10', port: 80 }],
  vhosts: ['www.example.com'],
};
const noRight = {
  fault: expect.objectContaining({ string: expect.stringContaining('(CAUSE_NORIGHT)') }),
};

interface Rproxy {
  id: number;
  name: string;
  servers: { id: number; state: string }[];
}

describe.each(TEST_BACKENDS)('the XML-RPC endpoint on %s: load balancers', (backend) => {
  let gw: GatewayHarness;
  beforeAll(async () => {
    gw = await startGateway(backend);
  }, 60_000);
  afterAll(() => gw?.close());

  /** The account's load balancers, asked of the simulator with the workspace's own key. */
  async function upstream(): Promise<Rproxy[]> {
    const run = await pythonCalls(gw.sim.url, [
      { token: gw.apiKey, method: 'hosting.rproxy.list' },
    ]);
    const ids = (run.results[0] as { value: { id: number }[] }).value.map((lb) => lb.id);
    const infos = await pythonCalls(
      gw.sim.url,
      ids.map((id) => ({ token: gw.apiKey, method: 'hosting.rproxy.info', args: [id] })),
    );
    return infos.results.map((result) => (result as { value: Rproxy }).value);
  }

  it('refuses operators’ and viewers’ changes, runs the owner’s, and every role reads', async () => {
    const before = await upstream();
    const create = (who: 'operator' | 'viewer' | 'owner', name: string) => ({
      token: gw.tokens[who],
      method: 'hosting.rproxy.create',
      args: [{ ...SPEC, name }],
    });
    const refused = await pythonCalls(gw.url, [
      create('operator', 'lb-op'),
      create('viewer', 'lb-view'),
    ]);
    expect(refused.results).toEqual([noRight, noRight]);
    expect(await upstream()).toEqual(before);

    const made = await pythonCalls(gw.url, [create('owner', 'lb-owner')]);
    expect(made.results[0]).toMatchObject({ value: [{ type: 'rproxy_iaas_create' }] });
    const lb = (await upstream()).find((one) => one.name === 'lb-owner');
    expect(lb).toBeDefined();

    const reads = await pythonCalls(
      gw.url,
      MEMBERS.flatMap((name) => [
        { token: gw.tokens[name], method: 'hosting.rproxy.list' },
        { token: gw.tokens[name], method: 'hosting.rproxy.info', args: [lb!.id] },
        {
          token: gw.tokens[name],
          method: 'hosting.rproxy.server.list',
          args: [{ rproxy_id: lb!.id }],
        },
      ]),
    );
    for (const result of reads.results) expect(result).toHaveProperty('value');
    const infos = reads.results.filter((_, i) => i % 3 === 1) as { value: Rproxy }[];
    for (const info of infos) expect(info.value.name).toBe('lb-owner');
    for (const body of [...refused.bodies, ...made.bodies, ...reads.bodies]) {
      expect(body).not.toContain(gw.apiKey);
    }
  });

  it('refuses an operator’s backend change and any change to a load balancer the account lacks', async () => {
    const lb = (await upstream()).find((one) => one.name === 'lb-owner')!;
    const backendId = lb.servers[0]!.id;
    const results: PythonResult[] = (
      await pythonCalls(gw.url, [
        { token: gw.tokens.operator, method: 'hosting.rproxy.server.disable', args: [backendId] },
        { token: gw.tokens.viewer, method: 'hosting.rproxy.delete', args: [lb.id] },
        { token: gw.tokens.admin, method: 'hosting.rproxy.delete', args: [999_999] },
        { token: gw.tokens.admin, method: 'hosting.rproxy.server.enable', args: [999_999] },
      ])
    ).results;
    expect(results[0]).toEqual(noRight);
    expect(results[1]).toEqual(noRight);
    // Decided before anything is sent: the gate looks the ids up and finds nothing.
    expect(results[2]).toHaveProperty('fault');
    expect(results[3]).toHaveProperty('fault');
    const after = (await upstream()).find((one) => one.id === lb.id);
    expect(after?.servers).toEqual(lb.servers);
  });
});
