import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { isLoopback, MAX_BODY_BYTES } from './http-server';
import { startSimulator, type Simulator } from './index';
import { client, methodCallXml } from './testing/client';

async function post(url: string, body: string | Buffer, contentType = 'text/xml') {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, text: await res.text() };
}

describe('HTTP edges', () => {
  let sim: Simulator;
  let base: string;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
    base = `http://127.0.0.1:${sim.port}`;
  });
  afterAll(() => sim.close());

  it('answers on /xmlrpc/, /xmlrpc and /', async () => {
    const body = methodCallXml('version.info', [DEMO_API_KEY]);
    for (const p of ['/xmlrpc/', '/xmlrpc', '/']) {
      const res = await post(base + p, body);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<name>api_version</name>');
    }
  });

  it('405 for another HTTP method, 404 for another path', async () => {
    const get = await fetch(sim.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(
      (await post(`${base}/xmlrpc/2.0/`, methodCallXml('version.info', [DEMO_API_KEY]))).status,
    ).toBe(404);
  });

  it('413 past the body cap, and the server still answers afterwards', async () => {
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
    const status = await new Promise<number>((resolve, reject) => {
      // Chunked (no Content-Length): the cap must hold while streaming too.
      const req = http.request(
        sim.url,
        { method: 'POST', headers: { 'Content-Type': 'text/xml' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(huge.subarray(0, 600_000));
      req.end(huge.subarray(600_000));
    });
    expect(status).toBe(413);
    expect((await post(sim.url, huge)).status).toBe(413);
    expect((await post(sim.url, methodCallXml('version.info', [DEMO_API_KEY]))).status).toBe(200);
  });

  it('malformed or non-XML bodies get a parse-error fault, never a crash', async () => {
    for (const body of [
      '',
      'not xml',
      '{"json": true}',
      '<methodCall><methodName>x</methodName>',
      '<?xml version="1.0"?><foo/>',
    ]) {
      const res = await post(sim.url, body);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<int>-32700</int>');
    }
    const { call } = client(sim.url);
    expect(await call('version.info', DEMO_API_KEY)).toEqual({ api_version: '3.3.37' });
  });

  it('control endpoints: JSON in and out', async () => {
    const created = await post(
      `${base}/_sim/accounts`,
      JSON.stringify({ credits: 50 }),
      'application/json',
    );
    expect(created.status).toBe(200);
    const { apiKey, handle } = JSON.parse(created.text) as { apiKey: string; handle: string };
    expect(apiKey).toMatch(/^[a-z0-9]{24}$/);
    const { call } = client(sim.url);
    expect(await call('hosting.account.info', apiKey)).toMatchObject({ handle, credits: 50 });
    expect(await call('hosting.vm.count', apiKey)).toBe(0);
    const vms = await post(
      `${base}/_sim/vms`,
      JSON.stringify({ apiKey, count: 3, datacenterId: 6 }),
      'application/json',
    );
    expect(JSON.parse(vms.text).vmIds).toHaveLength(3);
    expect(await call('hosting.vm.count', apiKey, { datacenter_id: 6, state: 'running' })).toBe(3);
    // Calls are counted per account and method (the control endpoints are not calls).
    const calls = await post(`${base}/_sim/calls`, JSON.stringify({ apiKey }), 'application/json');
    expect(JSON.parse(calls.text)).toEqual({
      calls: { 'hosting.account.info': 1, 'hosting.vm.count': 2 },
    });
    expect(
      (await post(`${base}/_sim/vms`, JSON.stringify({ apiKey: 'nobody', count: 1 }))).status,
    ).toBe(400);
    expect(
      (await post(`${base}/_sim/fail`, JSON.stringify({ apiKey, type: 'vm_stop' }))).status,
    ).toBe(200);
    expect((await post(`${base}/_sim/nothing`, '{}')).status).toBe(404);
    expect((await post(`${base}/_sim/accounts`, '[1, 2]')).status).toBe(400);
    expect((await fetch(`${base}/_sim/reset`)).status).toBe(405);
    expect((await post(`${base}/_sim/reset`, '')).status).toBe(200);
    expect((await client(sim.url).fault('hosting.vm.count', apiKey)).faultCode).toBe(510150);
  });

  it('/_sim/slow holds the next calls of a method, then answers from the state of that time', async () => {
    const base = sim.url.replace(/\/xmlrpc\/$/, '');
    const { apiKey } = sim.control.createAccount();
    const slow = (body: object) => post(`${base}/_sim/slow`, JSON.stringify(body));
    expect((await slow({ apiKey, method: 'hosting.vm.count', ms: 300, count: 1 })).status).toBe(
      200,
    );
    const { call } = client(sim.url);
    const held = call('hosting.vm.count', apiKey);
    // Other methods are not held; VMs made while the count waits are in its answer.
    expect(await call('hosting.vm.list', apiKey)).toEqual([]);
    sim.control.createVms({ apiKey, count: 2 });
    expect(await held).toBe(2);
    // The rule was used up: the next count answers at once (and the same).
    expect(await call('hosting.vm.count', apiKey)).toBe(2);
    for (const bad of [
      { apiKey, method: 'hosting.vm.count', ms: 0 },
      { apiKey, method: 'hosting.vm.count', ms: 60_000 },
      { apiKey, method: '<script>', ms: 10 },
      { apiKey, method: 'hosting.vm.count', ms: 10, count: 0 },
      { apiKey: 'nobody', method: 'hosting.vm.count', ms: 10 },
    ])
      expect((await slow(bad)).status).toBe(400);
  });

  it('bulk creation makes 10,000 VMs', async () => {
    const { apiKey } = sim.control.createAccount();
    const { vmIds } = sim.control.createVms({ apiKey, count: 10_000 });
    expect(new Set(vmIds).size).toBe(10_000);
    expect(await client(sim.url).call('hosting.vm.count', apiKey)).toBe(10_000);
  });

  it('control endpoints refuse non-loopback peers', async () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback('::ffff:192.168.1.2')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});

// A real non-loopback peer needs a non-loopback address on this machine.
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe.skipIf(!external)('control endpoints from a non-loopback address', () => {
  it('answer 403 while XML-RPC still works', async () => {
    const sim = await startSimulator({
      host: '0.0.0.0',
      port: 0,
      memory: true,
      instant: true,
      quiet: true,
    });
    try {
      const base = `http://${external}:${sim.port}`;
      expect((await post(`${base}/_sim/reset`, '{}')).status).toBe(403);
      expect(
        (await post(`${base}/xmlrpc/`, methodCallXml('version.info', [DEMO_API_KEY]))).status,
      ).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
