import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { startSimulator, type Simulator } from './index';
import { client, methodCallXml } from './testing/client';

const run = promisify(execFile);

async function post(url: string, body: string, contentType = 'text/xml') {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** What Python's `xmlrpc.client` makes of one call: the value's length, or the fault it raised. */
const PYTHON_CALL = `
import json, sys, xmlrpc.client
proxy = xmlrpc.client.ServerProxy(sys.argv[1])
try:
    print(json.dumps({"items": len(proxy.hosting.catalog.list(sys.argv[2]))}))
except xmlrpc.client.Fault as fault:
    print(json.dumps({"faultCode": fault.faultCode, "faultString": fault.faultString}))
`;

describe('an account without hosting.catalog.list (`/_sim/accounts {catalog: false}`)', () => {
  let sim: Simulator;
  let base: string;
  let withoutCatalog: string;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
    base = `http://127.0.0.1:${sim.port}`;
    const created = await post(
      `${base}/_sim/accounts`,
      JSON.stringify({ credits: 500, catalog: false }),
      'application/json',
    );
    expect(created.status).toBe(200);
    withoutCatalog = (JSON.parse(created.text) as { apiKey: string }).apiKey;
  });
  afterAll(() => sim.close());

  it('answers catalog.list byte for byte like a method the endpoint does not have', async () => {
    const refused = await post(sim.url, methodCallXml('hosting.catalog.list', [withoutCatalog]));
    const unknown = await post(sim.url, methodCallXml('hosting.catalog.nothing', [withoutCatalog]));
    expect(refused.status).toBe(200);
    expect(refused.text).toContain('<int>1</int>');
    expect(refused.text).toBe(
      unknown.text.replace('hosting.catalog.nothing', 'hosting.catalog.list'),
    );
    // Whatever the arguments: the method is absent, so they are never looked at.
    const withOptions = await post(
      sim.url,
      methodCallXml('hosting.catalog.list', [withoutCatalog, { colour: 'red' }, 3]),
    );
    expect(withOptions.text).toBe(refused.text);
  });

  it('Python xmlrpc.client sees fault 1 "Method ... is not supported"', async () => {
    const { stdout } = await run('python3', ['-c', PYTHON_CALL, sim.url, withoutCatalog], {
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      faultCode: 1,
      faultString: 'Method "hosting.catalog.list" is not supported',
    });
    const demo = await run('python3', ['-c', PYTHON_CALL, sim.url, DEMO_API_KEY], {
      timeout: 30_000,
    });
    expect((JSON.parse(demo.stdout) as { items: number }).items).toBeGreaterThan(0);
  });

  it('touches no other account, and the rest of the API still answers for this one', async () => {
    const { call } = client(sim.url);
    const { apiKey: ordinary } = sim.control.createAccount({ credits: 500 });
    const { apiKey: explicit } = sim.control.createAccount({ catalog: true });
    const prices = await call('hosting.catalog.list', DEMO_API_KEY);
    expect(prices).toEqual(await call('hosting.catalog.list', ordinary));
    expect(prices).toEqual(await call('hosting.catalog.list', explicit));
    expect(await call('hosting.account.info', withoutCatalog)).toMatchObject({ credits: 500 });
    // Nothing runs yet: the burn is zero, priced from the same (hidden) table.
    expect(await call('hosting.rating.list', withoutCatalog)).toMatchObject([
      { cpu: { default: 0 }, ram: { default: 0 }, disk_data: { default: 0 } },
    ]);
  });

  it('a key check still comes first, as for every keyed method', async () => {
    const { fault } = client(sim.url);
    expect((await fault('hosting.catalog.list', 'abcdefghijklmnopqrstuvwx')).faultCode).toBe(
      510150,
    );
  });

  it('refuses a catalog that is not a boolean', async () => {
    const res = await post(
      `${base}/_sim/accounts`,
      JSON.stringify({ catalog: 'no' }),
      'application/json',
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: 'catalog must be a boolean' });
  });

  it('survives a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gandi-sim-'));
    try {
      let persisted = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
      const { apiKey } = persisted.control.createAccount({ catalog: false });
      await persisted.close();
      persisted = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
      try {
        expect(await client(persisted.url).fault('hosting.catalog.list', apiKey)).toEqual({
          faultCode: 1,
          faultString: 'Method "hosting.catalog.list" is not supported',
        });
      } finally {
        await persisted.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
