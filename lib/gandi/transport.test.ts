import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GandiError } from './errors';
import { catalogList, userMessage, vmInfo, vmList, vmStop } from './index';
import { versionInfo } from './version';
import { call, inFlightCount } from './transport';
import {
  faultBody,
  FIXTURES_DIR,
  parseCall,
  startFixtureServer,
  type FixtureServer,
} from './testing/fixture-server';
import type { GandiConnection } from './types';

const KEY = 'transportkey000000000001';
const VM_LIST = readFileSync(path.join(FIXTURES_DIR, 'libcloud-pr1234/vm_list.xml'));
const VM_STOP = readFileSync(path.join(FIXTURES_DIR, 'libcloud-pr1234/vm_stop.xml'));
const VERSION =
  "<?xml version='1.0'?>\n<methodResponse><params><param><value><struct><member><name>api_version</name>" +
  '<value><string>3.3.37</string></value></member></struct></value></param></params></methodResponse>';

let server: FixtureServer;
let conn: GandiConnection;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  conn = { endpoint: server.url, apiKey: KEY, timeoutMs: 5_000 };
});

async function failure(p: Promise<unknown>): Promise<GandiError> {
  const err = await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GandiError);
  return err as GandiError;
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  await once(s, 'close');
  return port;
}

describe('faults from the reference table (§2.2)', () => {
  const observed: [number, string, Partial<GandiError>][] = [
    [
      510150,
      'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]',
      {
        qualification: 'data',
        objectName: 'OBJECT_ACCOUNT',
        causeName: 'CAUSE_NORIGHT',
        reason: 'Invalid API key',
      },
    ],
    [
      501237,
      "Error on object : OBJECT_STRING (CAUSE_BADPARAMETER) [string '' does not match '^[a-z0-9]{24}$']",
      { objectName: 'OBJECT_STRING', causeName: 'CAUSE_BADPARAMETER' },
    ],
    [
      500037,
      "Error on object : OBJECT_UNKNOWN (CAUSE_BADPARAMETER) [string 'https://rpc.gandi.net/xmlrpc' does not match '^[a-z0-9]{24}$']",
      { objectName: 'OBJECT_UNKNOWN', causeName: 'CAUSE_BADPARAMETER' },
    ],
    [
      530040,
      "Error on object : OBJECT_HOSTING_ACCOUNT (CAUSE_DONTEXIST) [you haven't purchased any credits yet]",
      {
        objectName: 'OBJECT_HOSTING_ACCOUNT',
        causeName: 'CAUSE_DONTEXIST',
        reason: "you haven't purchased any credits yet",
      },
    ],
    [
      580142,
      'Error on object : OBJECT_DNS_TXT (CAUSE_NOTFOUND) [vhost domain not validated]',
      { objectName: 'OBJECT_DNS_TXT', causeName: 'CAUSE_NOTFOUND' },
    ],
    [
      581042,
      'Error on object : OBJECT_ZONE (CAUSE_NOTFOUND) [no such zone (id: 0)]',
      { objectName: 'OBJECT_ZONE', causeName: 'CAUSE_NOTFOUND', reason: 'no such zone (id: 0)' },
    ],
    [
      510050,
      'Error on object : OBJECT_DOMAIN (CAUSE_NORIGHT) [no right on domain]',
      { objectName: 'OBJECT_DOMAIN', causeName: 'CAUSE_NORIGHT' },
    ],
    [
      516150,
      "Error on object : OBJECT_CONTACT (CAUSE_NORIGHT) [You aren't allowed to read that contact]",
      { objectName: 'OBJECT_CONTACT', reason: "You aren't allowed to read that contact" },
    ],
    [
      505237,
      "Error on object : OBJECT_FQDN (CAUSE_BADPARAMETER) [string '<change me>' does not match '^(?:(?!-)[-a-zA-Z0-9]{1,63}(?<!-)(\\.|$)){2,}$']",
      { objectName: 'OBJECT_FQDN', causeName: 'CAUSE_BADPARAMETER' },
    ],
    [
      537542,
      "Error on object : OBJECT_PAAS (CAUSE_NOTFOUND) [Paas '12' doesn't exist.]",
      {
        objectName: 'OBJECT_PAAS',
        causeName: 'CAUSE_NOTFOUND',
        reason: "Paas '12' doesn't exist.",
      },
    ],
    [
      150000,
      'Error on object : OBJECT_APPLICATION (CAUSE_UNKNOWN) [Internal Server Error]',
      {
        qualification: 'server',
        objectName: 'OBJECT_APPLICATION',
        causeName: 'CAUSE_UNKNOWN',
        reason: 'Internal Server Error',
      },
    ],
    [
      581137,
      'Error on object : OBJECT_DNS_RECORD (CAUSE_BADPARAMETER) [bad record]',
      { objectName: 'OBJECT_DNS_RECORD', causeName: 'CAUSE_BADPARAMETER' },
    ],
    [
      110020,
      'ServerError: database query failed',
      {
        qualification: 'server',
        objectName: 'OBJECT_DATABASE',
        causeName: 'CAUSE_QUERY',
        reason: 'ServerError: database query failed',
      },
    ],
    [
      110040,
      'ServerError: could not find object',
      {
        qualification: 'server',
        objectName: 'OBJECT_DATABASE',
        reason: 'ServerError: could not find object',
      },
    ],
    [
      1,
      'Method "hosting.catalog.list" is not supported',
      { reason: 'Method "hosting.catalog.list" is not supported' },
    ],
  ];

  it.each(observed)('%i', async (code, text, expected) => {
    server.respond(() => ({ body: faultBody(code, text) }));
    const err = await failure(vmInfo(conn, 1));
    expect(err).toMatchObject({
      kind: 'fault',
      method: 'hosting.vm.info',
      faultCode: code,
      ...expected,
    });
    expect(err.isUnsupportedMethod).toBe(code === 1);
    expect(server.requests).toHaveLength(1); // faults are answers: never retried
  });
});

describe('catalogList on an endpoint without hosting.catalog.list', () => {
  it('rejects with fault 1 so the UI can say "price unknown"', async () => {
    server.respond(() => ({
      body: faultBody(1, 'Method "hosting.catalog.list" is not supported'),
    }));
    const err = await failure(catalogList(conn));
    expect(err).toMatchObject({ kind: 'fault', faultCode: 1, method: 'hosting.catalog.list' });
    expect(err.isUnsupportedMethod).toBe(true);
    expect(userMessage(err)).toBe('This endpoint does not support that operation.');
  });

  it('also reads a rating-style price struct', async () => {
    server.respond(() => ({
      body:
        '<methodResponse><params><param><value><struct>' +
        '<member><name>cpu</name><value><struct><member><name>default</name><value><int>168</int></value></member></struct></value></member>' +
        '<member><name>bw_out</name><value><nil/></value></member>' +
        '</struct></value></param></params></methodResponse>',
    }));
    expect(await catalogList(conn)).toEqual([
      { resource: 'cpu', flavour: 'default', unit: null, creditsPerHour: 168 },
    ]);
  });
});

describe('transport failures', () => {
  it('connection refused is a network error', async () => {
    const port = await closedPort();
    const err = await failure(
      versionInfo({ endpoint: `http://127.0.0.1:${port}/xmlrpc/`, apiKey: KEY }),
    );
    expect(err).toMatchObject({
      kind: 'network',
      reason: 'connection refused',
      endpointHost: `127.0.0.1:${port}`,
    });
  });

  it('a server that never answers times out', async () => {
    server.respond(() => ({ hang: true }));
    const started = Date.now();
    const err = await failure(vmStop({ ...conn, timeoutMs: 150 }, 1));
    expect(err.kind).toBe('timeout');
    expect(err.reason).toContain('150 ms');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a read that times out is not retried', async () => {
    server.respond(() => ({ hang: true }));
    await failure(vmList({ ...conn, timeoutMs: 100 }));
    expect(server.requests).toHaveLength(1);
  });

  it('HTTP 500 is an http error with the status', async () => {
    server.respond(() => ({
      status: 500,
      body: 'Internal Server Error',
      contentType: 'text/plain',
    }));
    const err = await failure(vmStop(conn, 1));
    expect(err).toMatchObject({ kind: 'http', httpStatus: 500 });
  });

  it('a non-XML body is a decode error', async () => {
    server.respond(() => ({
      body: '<html><body>Bad gateway</body></html>',
      contentType: 'text/html',
    }));
    expect(await failure(vmList(conn))).toMatchObject({
      kind: 'decode',
      method: 'hosting.vm.list',
    });
  });

  it('a valid XML-RPC answer of the wrong shape is a decode error', async () => {
    server.respond(() => ({ body: VERSION }));
    expect(await failure(vmList(conn))).toMatchObject({
      kind: 'decode',
      method: 'hosting.vm.list',
    });
  });

  it('an AbortSignal cancels a pending request', async () => {
    server.respond(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = vmStop({ ...conn, signal: controller.signal }, 1);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const err = await failure(pending);
    expect(err.kind).toBe('network');
    expect(err.reason).toMatch(/cancelled/);
  });

  it('an already aborted signal sends nothing', async () => {
    const err = await failure(vmList({ ...conn, signal: AbortSignal.abort() }));
    expect(err.reason).toMatch(/cancelled/);
    expect(server.requests).toHaveLength(0);
  });

  it('an invalid endpoint is refused before any request', async () => {
    const err = await failure(vmList({ endpoint: 'ftp://example.org/', apiKey: KEY }));
    expect(err).toMatchObject({ kind: 'network' });
  });
});

describe('requests on the wire', () => {
  it('prepends the key, drops undefined members and sends dates as UTC', async () => {
    server.respond(() => ({ body: VERSION }));
    await call(conn, 'version.info', [
      { a: 1, b: undefined, when: new Date(Date.UTC(2018, 4, 18, 17, 11, 12)) },
    ]);
    const req = server.requests[0];
    expect(req?.body).toContain('<dateTime.iso8601>20180518T17:11:12</dateTime.iso8601>');
    expect(req?.body).not.toContain('<name>b</name>');
    const parsed = await parseCall(req?.body ?? '');
    expect(parsed.method).toBe('version.info');
    expect(parsed.params[0]).toBe(KEY);
  });
});

describe('sharing identical reads', () => {
  it('N concurrent identical reads make one request', async () => {
    server.respond(() => ({ body: VM_LIST, delayMs: 50 }));
    const results = await Promise.all(
      Array.from({ length: 8 }, () => vmList(conn, { state: 'running' })),
    );
    expect(server.requests).toHaveLength(1);
    expect(results.every((r) => r.length === 2 && r[0]?.id === 352686)).toBe(true);
    expect(inFlightCount()).toBe(0);
  });

  it('different arguments, keys or endpoints are not shared', async () => {
    server.respond(() => ({ body: VM_LIST, delayMs: 30 }));
    await Promise.all([
      vmList(conn, { state: 'running' }),
      vmList(conn, { state: 'halted' }),
      vmList({ ...conn, apiKey: 'otherkey0000000000000002' }, { state: 'running' }),
    ]);
    expect(server.requests).toHaveLength(3);
  });

  it('mutations are never shared', async () => {
    server.respond(() => ({ body: VM_STOP, delayMs: 30 }));
    await Promise.all([vmStop(conn, 1), vmStop(conn, 1), vmStop(conn, 1)]);
    expect(server.requests).toHaveLength(3);
  });

  it('one caller cancelling does not cancel the others', async () => {
    server.respond(() => ({ body: VM_LIST, delayMs: 100 }));
    const controller = new AbortController();
    const cancelled = vmList({ ...conn, signal: controller.signal });
    const kept = vmList(conn);
    controller.abort();
    expect((await failure(cancelled)).reason).toMatch(/cancelled/);
    expect(await kept).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });
});

describe('retrying', () => {
  it('a read is retried once after a network error', async () => {
    server.respond((_req, i) => (i === 0 ? { destroy: true } : { body: VM_LIST }));
    const vms = await vmList(conn);
    expect(vms).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('a read is retried only once', async () => {
    server.respond(() => ({ destroy: true }));
    expect((await failure(vmList(conn))).kind).toBe('network');
    expect(server.requests).toHaveLength(2);
  });

  it('a mutation is never retried', async () => {
    server.respond((_req, i) => (i === 0 ? { destroy: true } : { body: VM_STOP }));
    expect((await failure(vmStop(conn, 1))).kind).toBe('network');
    expect(server.requests).toHaveLength(1);
  });

  it('HTTP errors are not retried', async () => {
    server.respond(() => ({ status: 502, body: 'bad gateway' }));
    expect((await failure(vmList(conn))).kind).toBe('http');
    expect(server.requests).toHaveLength(1);
  });
});
