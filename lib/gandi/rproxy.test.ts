/**
 * The Web Accelerator client: gandi.cli's mocks served as Python's marshaller would have sent them
 * (dates as dateTime, `timeout` as double), decoded by the typed functions; then every function
 * against the in-process simulator.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@/simulator';
import * as gandi from './index';
import {
  FIXTURES_DIR,
  parseCall,
  startFixtureServer,
  type FixtureServer,
} from './testing/fixture-server';
import { Double, pythonStyleResponse, type PyValue } from './testing/python-style';
import type { GandiConnection, Operation } from './types';

const KEY = 'rproxykey000000000000001';

interface Mock {
  response: PyValue;
  datetime_fields?: string[];
}

/** The mock's answer with its ISO date strings back as dates and `timeout`s as doubles. */
function wire(file: string): PyValue {
  const mock = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'gandi-cli', file), 'utf8')) as Mock;
  const fix = (v: PyValue, key = ''): PyValue => {
    if (Array.isArray(v)) return v.map((x) => fix(x));
    if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Double))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fix(x, k)]));
    if (key === 'date_created' && typeof v === 'string') return new Date(`${v}Z`);
    if (key === 'timeout' && typeof v === 'number') return new Double(v);
    return v;
  };
  return fix(mock.response);
}

describe('gandi.cli mocks, decoded', () => {
  let server: FixtureServer;
  let conn: GandiConnection;
  beforeAll(async () => {
    server = await startFixtureServer();
    conn = { endpoint: server.url, apiKey: KEY, timeoutMs: 5_000 };
  });
  afterAll(() => server.close());
  const serve = (file: string) => server.respond(() => ({ body: pythonStyleResponse(wire(file)) }));
  const sent = async () => parseCall(server.requests.at(-1)!.body);

  it('hosting.rproxy.list', async () => {
    serve('hosting.rproxy.list.json');
    const list = await gandi.rproxyList(conn);
    expect((await sent()).params).toEqual([KEY]);
    expect(
      list.map((r) => [
        r.id,
        r.name,
        r.datacenterId,
        r.algorithm,
        r.backends.length,
        r.vhosts.length,
      ]),
    ).toEqual([
      [12138, 'webacc01', 3, null, 1, 0],
      [13263, 'testwebacc', 1, null, 1, 1],
    ]);
    expect(list[0]!.probe).toEqual({
      enabled: true,
      host: null,
      interval: null,
      method: null,
      response: null,
      threshold: null,
      timeout: null,
      url: null,
      window: null,
    });
    expect(list[1]!.dateCreated).toEqual(new Date(Date.UTC(2016, 0, 15, 16, 26, 58)));
  });

  it('hosting.rproxy.info', async () => {
    serve('hosting.rproxy.info.13263.json');
    const rp = await gandi.rproxyInfo(conn, 13263);
    expect((await sent()).params).toEqual([KEY, 13263]);
    expect(rp).toMatchObject({
      id: 13263,
      uuid: 13263,
      state: 'running',
      datacenterId: 1,
      algorithm: 'client-ip',
      sslEnabled: false,
      datacenter: { id: 1, dcCode: 'FR-SD2', name: 'Equinix Paris' },
      probe: { enabled: true, host: '95.142.160.181', url: '/', method: 'GET', response: 200 },
      backends: [{ id: 4988, ip: '95.142.160.181', port: 80, fallback: false, state: 'running' }],
      vhosts: [{ id: 5171, name: 'pouet.iheartcli.com', certId: null, state: 'running' }],
    });
  });

  it('server.list, vhost.list, probe.test', async () => {
    serve('hosting.rproxy.server.list.json');
    expect(await gandi.rproxyServerList(conn)).toEqual([
      {
        id: 14988,
        rproxyId: 132691,
        ip: '195.142.160.181',
        port: 80,
        fallback: false,
        state: 'running',
      },
    ]);
    serve('hosting.rproxy.vhost.list.json');
    expect(await gandi.rproxyVhostList(conn)).toEqual([
      { id: 5177, rproxyId: 13269, name: 'pouet.iheartcli.com', certId: null, state: 'running' },
    ]);
    serve('hosting.rproxy.probe.test.json');
    expect(await gandi.rproxyProbeTest(conn, 13263)).toEqual({
      status: 200,
      timeout: 1,
      backends: [{ backendId: 4988, status: 200, timeout: 1 }],
    });
    expect((await sent()).params).toEqual([KEY, 13263, {}]);
  });

  it('an unknown algorithm is a decode error, not a guess', async () => {
    server.respond(() => ({
      body: pythonStyleResponse({
        ...(wire('hosting.rproxy.info.13263.json') as object),
        lb: { algorithm: 'magic' },
      }),
    }));
    await expect(gandi.rproxyInfo(conn, 13263)).rejects.toMatchObject({ kind: 'decode' });
  });
});

describe('round trips against the simulator', () => {
  let sim: Simulator;
  let conn: GandiConnection;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
    conn = { endpoint: sim.url, apiKey: sim.control.createAccount().apiKey, timeoutMs: 10_000 };
  });
  afterAll(() => sim.close());

  async function done(ops: Operation | Operation[]) {
    const list = Array.isArray(ops) ? ops : [ops];
    const final = await gandi.waitForOperations(
      conn,
      list.map((o) => o.id),
      { intervalMs: 5 },
    );
    expect(final.map((o) => [o.type, o.step])).toEqual(list.map((o) => [o.type, 'DONE']));
  }

  it('every function', async () => {
    const ops = await gandi.rproxyCreate(conn, {
      datacenter_id: 4,
      name: 'rt-lb',
      lb: { algorithm: 'round-robin' },
      ssl_enable: false,
      servers: [{ ip: '192.0.2.1', port: 80 }],
      vhosts: ['www.example.org'],
    });
    await done(ops);
    const id = Number(gandi.findOperation(ops, 'rproxy_iaas_create')?.params.rproxy_id);
    expect(await gandi.rproxyCount(conn)).toBe(1);
    expect((await gandi.rproxyList(conn))[0]).toMatchObject({
      id,
      name: 'rt-lb',
      state: 'running',
    });
    expect(await gandi.rproxyInfo(conn, id)).toMatchObject({
      algorithm: 'round-robin',
      datacenter: { dcCode: 'FR-SD3' },
    });

    await done(
      await gandi.rproxyUpdate(conn, id, { lb: { algorithm: 'client-ip' }, ssl_enable: true }),
    );
    expect(await gandi.rproxyInfo(conn, id)).toMatchObject({
      algorithm: 'client-ip',
      sslEnabled: true,
    });

    await done(await gandi.rproxyServerCreate(conn, id, { ip: '192.0.2.2', port: 8080 }));
    expect(await gandi.rproxyServerCount(conn, { rproxy_id: id })).toBe(2);
    const [backend] = await gandi.rproxyServerList(conn, { ip: '192.0.2.2', port: 8080 });
    await done(await gandi.rproxyServerDisable(conn, backend!.id));
    expect((await gandi.rproxyServerList(conn, { id: backend!.id }))[0]?.state).toBe('disabled');
    await done(await gandi.rproxyServerEnable(conn, backend!.id));
    await done(await gandi.rproxyServerDelete(conn, backend!.id));

    const refused = await gandi
      .rproxyVhostCreate(conn, id, { vhost: 'shop.acme.fr' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'fault', faultCode: 580142 });
    const entries = await gandi.rproxyVhostGetDnsEntries(conn, {
      datacenter: 4,
      vhost: 'shop.acme.fr',
    });
    expect(entries.domain).toBe('acme.fr');
    await done(await gandi.rproxyVhostCreate(conn, id, { vhost: 'shop.acme.fr' }));
    expect(await gandi.rproxyVhostCount(conn, { rproxy_id: id })).toBe(2);
    expect((await gandi.rproxyVhostList(conn, { name: 'shop.acme.fr' }))[0]?.state).toBe('running');
    await done(await gandi.rproxyVhostDelete(conn, 'shop.acme.fr'));

    await done(
      await gandi.rproxyProbeUpdate(conn, id, {
        url: '/',
        method: 'GET',
        response: 200,
        interval: 10,
        timeout: 2,
        threshold: 1,
        window: 2,
      }),
    );
    await done(await gandi.rproxyProbeEnable(conn, id));
    expect((await gandi.rproxyInfo(conn, id)).probe.enabled).toBe(true);
    const test = await gandi.rproxyProbeTest(conn, id);
    expect(test.backends).toEqual([
      { backendId: expect.any(Number) as number, status: 0, timeout: 2 },
    ]);
    await done(await gandi.rproxyProbeDisable(conn, id));
    await done(await gandi.rproxyDelete(conn, id));
    expect(await gandi.rproxyCount(conn)).toBe(0);
  });
});
