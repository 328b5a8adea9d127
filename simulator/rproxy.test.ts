import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, OTHER_API_KEY } from './accounts';
import { startSimulator, type Simulator } from './index';
import { client } from './testing/client';
import { startWithClock, type Harness, type OpStruct } from './testing/harness';

const K = DEMO_API_KEY;
const CLI = path.join(__dirname, '..', '..', 'shared', 'fixtures', 'gandi-xmlrpc', 'gandi-cli');
const mock = (file: string) =>
  (JSON.parse(fs.readFileSync(path.join(CLI, file), 'utf8')) as { response: unknown }).response;

/** Struct member names, recursively (the union over array items); a mock null matches anything. */
function shape(value: unknown, at = '$', out = new Set<string>()): string[] {
  if (Array.isArray(value)) {
    for (const item of value) shape(item, `${at}[]`, out);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${at}.${k}`);
      if (v !== null) shape(v, `${at}.${k}`, out);
    }
  }
  return [...out];
}

const SPEC = {
  datacenter_id: 4,
  name: 'lb01',
  lb: { algorithm: 'round-robin' },
  ssl_enable: false,
  servers: [
    { ip: '192.0.2.10', port: 80 },
    { ip: '192.0.2.11', port: 80 },
  ],
  vhosts: ['www.example.com'],
};

interface Rproxy {
  id: number;
  state: string;
  servers: { id: number; ip: string; state: string }[];
  vhosts: { id: number; name: string; state: string }[];
  probe: Record<string, unknown>;
  lb?: { algorithm: string };
}

describe('hosting.rproxy.* on an injected clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClock();
  });
  afterAll(() => h.close());
  afterEach(() => h.sim.control.reset());

  const done = async () => {
    h.advance(10_000);
    await h.demo('version.info');
  };
  const create = async (spec: object = SPEC) => {
    const [op] = (await h.demo('hosting.rproxy.create', spec)) as (OpStruct & {
      params: { rproxy_id: number };
    })[];
    return op!;
  };

  it('create answers an rproxy_iaas_create operation; the objects exist at once and run at DONE', async () => {
    const op = await create();
    expect(op).toMatchObject({ type: 'rproxy_iaas_create', step: 'WAIT' });
    const id = op.params.rproxy_id;
    const before = (await h.demo('hosting.rproxy.info', id)) as Rproxy;
    expect(before.state).toBe('being_created');
    expect(before.servers.map((s) => s.state)).toEqual(['being_created', 'being_created']);
    h.advance(1_500);
    expect((await h.demo('operation.info', op.id)) as OpStruct).toMatchObject({ step: 'RUN' });
    await done();
    const after = (await h.demo('hosting.rproxy.info', id)) as Rproxy;
    expect(after).toMatchObject({ state: 'running', lb: { algorithm: 'round-robin' } });
    expect(after.servers.map((s) => s.state)).toEqual(['running', 'running']);
    expect(after.vhosts.map((v) => [v.name, v.state])).toEqual([['www.example.com', 'running']]);
    expect((await h.demo('operation.info', op.id)) as OpStruct).toMatchObject({ step: 'DONE' });
  });

  it('backends: add, disable, enable, delete, each through its operation', async () => {
    const id = (await create()).params.rproxy_id;
    await done();
    const add = (await h.demo('hosting.rproxy.server.create', id, {
      ip: '2001:db8::1',
      port: 8080,
    })) as OpStruct & { params: { server_id: number } };
    expect(add.type).toBe('rproxy_server_create');
    const serverId = add.params.server_id;
    expect(await h.demo('hosting.rproxy.server.count', { rproxy_id: id })).toBe(3);
    // One operation at a time per backend: a second change while the first runs is refused.
    expect((await h.fault('hosting.rproxy.server.delete', K, serverId)).faultCode).toBe(537960);
    await done();
    await h.demo('hosting.rproxy.server.disable', serverId);
    await done();
    expect(await h.demo('hosting.rproxy.server.list', { id: serverId })).toMatchObject([
      { state: 'disabled', ip: '2001:db8::1', port: 8080 },
    ]);
    expect((await h.fault('hosting.rproxy.server.disable', K, serverId)).faultCode).toBe(532160);
    await h.demo('hosting.rproxy.server.enable', serverId);
    await done();
    await h.demo('hosting.rproxy.server.delete', serverId);
    await done();
    expect(await h.demo('hosting.rproxy.server.count', { rproxy_id: id })).toBe(2);
  });

  it('an unvalidated vhost faults 580142; its records validate it once they had time to propagate', async () => {
    const id = (await create()).params.rproxy_id;
    await done();
    const refused = await h.fault('hosting.rproxy.vhost.create', K, id, { vhost: 'shop.acme.fr' });
    expect(refused.faultCode).toBe(580142);
    expect(refused.faultString).toMatch(/^Error on object : OBJECT_DNS_TXT \(CAUSE_NOTFOUND\)/);
    const entries = (await h.demo('hosting.rproxy.vhost.get_dns_entries', {
      datacenter: 4,
      vhost: 'shop.acme.fr',
    })) as Record<string, string>;
    expect(Object.keys(entries).sort()).toEqual(['cname', 'domain', 'key', 'txt']);
    expect(entries.domain).toBe('acme.fr');
    // Same account and domain: the same records; another account gets others.
    expect(
      await h.demo('hosting.rproxy.vhost.get_dns_entries', { datacenter: 4, vhost: 'www.acme.fr' }),
    ).toEqual(entries);
    expect(
      await h.call('hosting.rproxy.vhost.get_dns_entries', OTHER_API_KEY, {
        datacenter: 4,
        vhost: 'shop.acme.fr',
      }),
    ).not.toEqual(entries);
    // Not yet propagated.
    expect(
      (await h.fault('hosting.rproxy.vhost.create', K, id, { vhost: 'shop.acme.fr' })).faultCode,
    ).toBe(580142);
    h.advance(5_000);
    const op = (await h.demo('hosting.rproxy.vhost.create', id, {
      vhost: 'shop.acme.fr',
    })) as OpStruct;
    expect(op.type).toBe('rproxy_vhost_create');
    await done();
    expect(
      await h.demo('hosting.rproxy.vhost.list', { rproxy_id: id, state: 'running' }),
    ).toHaveLength(2);
    // An account that never asked: still refused there.
    const { apiKey: fresh } = h.sim.control.createAccount();
    const other = await h.fault('hosting.rproxy.create', fresh, {
      ...SPEC,
      datacenter_id: 5,
      vhosts: ['shop.acme.fr'],
    });
    expect(other.faultCode).toBe(580142);
    await h.demo('hosting.rproxy.vhost.delete', 'shop.acme.fr');
    await done();
    expect(await h.demo('hosting.rproxy.vhost.count', { name: 'shop.acme.fr' })).toBe(0);
  });

  it('probe: update (gandi.cli sends None for what it leaves alone), enable/disable, test per backend', async () => {
    const id = (await create({ ...SPEC, servers: [] })).params.rproxy_id;
    await done();
    // No settings yet: cannot be enabled or tested.
    expect((await h.fault('hosting.rproxy.probe.enable', K, id)).faultCode).toBe(537981);
    expect((await h.fault('hosting.rproxy.probe.test', K, id, {})).faultCode).toBe(537981);
    const [web01] = (await h.demo('hosting.vm.list', { hostname: 'web01' })) as { id: number }[];
    const [ip] = (await h.demo('hosting.ip.list', { vm_id: web01!.id, version: 4 })) as {
      ip: string;
    }[];
    await h.demo('hosting.rproxy.server.create', id, { ip: ip!.ip, port: 80 });
    await h.demo('hosting.rproxy.server.create', id, { ip: '192.0.2.99', port: 80 });
    const settings = {
      host: null,
      interval: 10,
      method: 'GET',
      response: 200,
      threshold: 3,
      timeout: 5,
      url: '/health',
      window: 5,
    };
    expect(await h.demo('hosting.rproxy.probe.update', id, settings)).toMatchObject({
      type: 'rproxy_probe_update',
    });
    await done();
    await h.demo('hosting.rproxy.probe.update', id, {
      ...settings,
      interval: null,
      url: null,
      enable: true,
    });
    await done();
    const info = (await h.demo('hosting.rproxy.info', id)) as Rproxy;
    expect(info.probe).toMatchObject({ enable: true, interval: 10, url: '/health', host: null });
    const test = (await h.demo('hosting.rproxy.probe.test', id, {})) as {
      status: number;
      servers: { server: number; status: number; timeout: number }[];
    };
    expect(test.status).toBe(200);
    expect(test.servers.map((s) => s.status)).toEqual([200, 0]);
    expect(test.servers[1]!.timeout).toBe(5);
    // A test may try other settings without saving them.
    const other = (await h.demo('hosting.rproxy.probe.test', id, { response: 204 })) as {
      status: number;
    };
    expect(other.status).toBe(204);
    expect(((await h.demo('hosting.rproxy.info', id)) as Rproxy).probe.response).toBe(200);
    await h.demo('hosting.rproxy.probe.disable', id);
    await done();
    expect(((await h.demo('hosting.rproxy.info', id)) as Rproxy).probe.enable).toBe(false);
  });

  it('update changes algorithm, ssl and name at DONE; delete removes it', async () => {
    const id = (await create()).params.rproxy_id;
    await done();
    await h.demo('hosting.rproxy.update', id, {
      lb: { algorithm: 'client-ip' },
      ssl_enable: true,
      name: 'lb02',
    });
    expect(((await h.demo('hosting.rproxy.info', id)) as Rproxy).lb?.algorithm).toBe('round-robin');
    await done();
    expect(await h.demo('hosting.rproxy.info', id)).toMatchObject({
      name: 'lb02',
      ssl_enable: true,
      lb: { algorithm: 'client-ip' },
    });
    const del = (await h.demo('hosting.rproxy.delete', id)) as OpStruct;
    expect(del.type).toBe('rproxy_iaas_delete');
    expect(await h.demo('hosting.rproxy.list', { state: 'deleting' })).toHaveLength(1);
    expect((await h.fault('hosting.rproxy.delete', K, id)).faultCode).toBe(537960);
    await done();
    expect(await h.demo('hosting.rproxy.count')).toBe(0);
    expect((await h.fault('hosting.rproxy.info', K, id)).faultCode).toBe(537942);
  });

  it('someone else’s ids answer like missing ones, and nothing of theirs is listed', async () => {
    const op = await create();
    await done();
    const id = op.params.rproxy_id;
    const [server] = (await h.demo('hosting.rproxy.server.list', { rproxy_id: id })) as {
      id: number;
    }[];
    const O = OTHER_API_KEY;
    expect((await h.fault('hosting.rproxy.info', O, id)).faultCode).toBe(537942);
    expect((await h.fault('hosting.rproxy.delete', O, id)).faultCode).toBe(537942);
    expect(
      (await h.fault('hosting.rproxy.server.create', O, id, { ip: '192.0.2.1', port: 1 }))
        .faultCode,
    ).toBe(537942);
    expect((await h.fault('hosting.rproxy.server.disable', O, server!.id)).faultCode).toBe(532142);
    expect((await h.fault('hosting.rproxy.vhost.delete', O, 'www.example.com')).faultCode).toBe(
      537642,
    );
    expect((await h.fault('hosting.rproxy.probe.test', O, id, {})).faultCode).toBe(537942);
    expect(await h.call('hosting.rproxy.list', O)).toEqual([]);
    expect(await h.call('hosting.rproxy.server.count', O)).toBe(0);
    expect(await h.demo('hosting.rproxy.count')).toBe(1);
  });

  it.each([
    ['closed datacenter (US-BA1)', { ...SPEC, datacenter_id: 2 }, 532751],
    ['unknown datacenter', { ...SPEC, datacenter_id: 99 }, 532742],
    ['bad algorithm', { ...SPEC, lb: { algorithm: 'least-conn' } }, 537937],
    ['bad ip', { ...SPEC, servers: [{ ip: '999.1.1.1', port: 80 }] }, 505337],
    ['port out of range', { ...SPEC, servers: [{ ip: '192.0.2.1', port: 70000 }] }, 501030],
    ['same backend twice', { ...SPEC, servers: [SPEC.servers[0], SPEC.servers[0]] }, 532141],
    ['unknown key', { ...SPEC, evil: 1 }, 501533],
    ['hostile name', { ...SPEC, name: '<script>' + 'x'.repeat(5000) }, 537937],
    ['vhost not a domain', { ...SPEC, vhosts: ['not a domain'] }, 505237],
    ['unvalidated vhost', { ...SPEC, vhosts: ['www.example.com', 'a.b.invalid'] }, 580142],
  ])('create refuses %s and changes nothing', async (_label, spec, code) => {
    const before = await h.demo('operation.count');
    expect((await h.fault('hosting.rproxy.create', K, spec)).faultCode).toBe(code);
    expect(await h.demo('hosting.rproxy.count')).toBe(0);
    expect(await h.demo('operation.count')).toBe(before);
  });

  it('names are unique per account; no credits, no load balancer', async () => {
    await create();
    expect((await h.fault('hosting.rproxy.create', K, { ...SPEC, vhosts: [] })).faultCode).toBe(
      537941,
    );
    const { apiKey } = h.sim.control.createAccount({ credits: 0 });
    expect((await h.fault('hosting.rproxy.create', apiKey, SPEC)).faultCode).toBe(530040);
  });

  it('a failed create (injected) leaves no rproxy behind', async () => {
    h.sim.control.failNext({ apiKey: K, type: 'rproxy_iaas_create' });
    const op = await create();
    await done();
    expect(await h.demo('operation.info', op.id)).toMatchObject({ step: 'ERROR' });
    expect(await h.demo('hosting.rproxy.count')).toBe(0);
  });
});

describe('hosting.rproxy.* shapes against the gandi.cli mocks', () => {
  let sim: Simulator;
  let id: number;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
    const { call } = client(sim.url);
    const [op] = (await call('hosting.rproxy.create', K, SPEC)) as {
      params: { rproxy_id: number };
    }[];
    id = op!.params.rproxy_id;
    await call('hosting.rproxy.probe.update', K, id, {
      host: '95.142.160.181',
      interval: 10,
      method: 'GET',
      response: 200,
      threshold: 3,
      timeout: 5,
      url: '/',
      window: 5,
    });
  });
  afterAll(() => sim.close());

  it.each([
    ['hosting.rproxy.list.json', 'hosting.rproxy.list', () => [{}]],
    ['hosting.rproxy.info.13263.json', 'hosting.rproxy.info', () => [id]],
    ['hosting.rproxy.server.list.json', 'hosting.rproxy.server.list', () => [{}]],
    ['hosting.rproxy.vhost.list.json', 'hosting.rproxy.vhost.list', () => []],
    ['hosting.rproxy.probe.test.json', 'hosting.rproxy.probe.test', () => [id, {}]],
  ] as const)('%s', async (file, method, params) => {
    const answer = await client(sim.url).call(method, K, ...params());
    expect(shape(answer).sort()).toEqual(shape(mock(file)).sort());
  });

  it('member types match the mocks (dates as dateTime, timeouts as double)', async () => {
    const { call } = client(sim.url);
    const [item] = (await call('hosting.rproxy.list', K)) as Record<string, unknown>[];
    expect(item!.date_created).toBeInstanceOf(Date);
    for (const key of ['id', 'uuid', 'datacenter_id'] as const)
      expect(typeof item![key]).toBe('number');
    expect(typeof item!.ssl_enable).toBe('boolean');
  });
});

describe('gandi.cli webacc commands, replayed by Python xmlrpc.client', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, speed: 40, quiet: true });
  });
  afterAll(() => sim.close());

  it('works unchanged, call for call', async () => {
    const script = path.join(__dirname, 'testing', 'webacc_session.py');
    const { stdout } = await promisify(execFile)('python3', [script, sim.url, K], {
      timeout: 60_000,
    });
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    expect(seen.create).toEqual({
      types: ['rproxy_iaas_create'],
      steps: expect.arrayContaining(['DONE']) as unknown,
    });
    expect(seen.info).toMatchObject({
      name: 'lb01',
      state: 'running',
      algorithm: 'round-robin',
      datacenter: expect.any(String) as unknown,
      vhosts: ['www.example.com'],
    });
    expect(seen.server_disable).toBe('disabled');
    expect(seen.server_enable).toBe('running');
    expect(seen.vhost_refused).toMatchObject({
      code: 580142,
      keys: ['cname', 'domain', 'key', 'txt'],
      domain: 'unvalidated.test',
    });
    expect((seen.vhost_refused as { txt_record: string }).txt_record).toMatch(
      /^_webacc-[0-9a-f]{12} 3600 IN TXT "_webacc-[0-9a-f]{12}=[0-9a-f]{32}"$/,
    );
    expect(seen.vhost_add).toContain('DONE');
    expect(seen.vhost_delete).toContain('DONE');
    expect(seen.probe_update).toContain('DONE');
    expect(seen.probe_test).toEqual({
      status: 200,
      timeout_type: 'float',
      servers: [
        [200, 'float'],
        [0, 'float'],
      ],
    });
    expect(seen.server_delete).toBe(0);
    expect(seen.delete).toBe(0);
  });
});

describe('persistence', () => {
  it('a restart keeps load balancers, their parts and the DNS validations', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gandi-sim-rproxy-'));
    try {
      let sim = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
      let rpc = client(sim.url);
      const [op] = (await rpc.call('hosting.rproxy.create', K, SPEC)) as {
        params: { rproxy_id: number };
      }[];
      await rpc.call('hosting.rproxy.vhost.get_dns_entries', K, {
        datacenter: 4,
        vhost: 'kept.acme.fr',
      });
      await sim.close();
      sim = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
      rpc = client(sim.url);
      expect(await rpc.call('hosting.rproxy.info', K, op!.params.rproxy_id)).toMatchObject({
        name: 'lb01',
        state: 'running',
      });
      expect(
        await rpc.call('hosting.rproxy.vhost.create', K, op!.params.rproxy_id, {
          vhost: 'kept.acme.fr',
        }),
      ).toMatchObject({ type: 'rproxy_vhost_create' });
      await sim.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
