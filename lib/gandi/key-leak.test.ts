/**
 * The API key must never be readable from an error or from anything logged while calling: provoke
 * every kind of error with a known key and look for it everywhere an error can be printed.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GandiError, userMessage } from './errors';
import { accountInfo, vmList, vmStop } from './index';
import { faultBody, startFixtureServer, type FixtureServer } from './testing/fixture-server';
import type { GandiConnection } from './types';

const KEY = 's3cr3tk3y0123456789abcde';
const MALFORMED_KEY = 'My Secret Key 2024!';

let server: FixtureServer;
let output: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

function captureOutput(): void {
  output = [];
  const record = (...args: unknown[]) => {
    output.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  };
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      record(String(chunk));
      return true;
    });
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation(record);
  }
}
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every way an error can be turned into text. */
function renderings(err: GandiError): string[] {
  const cause = err.cause as Error | undefined;
  return [
    err.message,
    err.reason,
    err.stack ?? '',
    String(err),
    JSON.stringify(err),
    inspect(err, { depth: 10 }),
    userMessage(err),
    cause ? `${cause.message}\n${cause.stack ?? ''}\n${inspect(cause)}` : '',
  ];
}

async function provoke(p: Promise<unknown>): Promise<GandiError> {
  const err = await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GandiError);
  return err as GandiError;
}

function expectNoKey(err: GandiError, key: string): void {
  for (const text of renderings(err)) {
    expect(text).not.toContain(key);
  }
}

const conn = (over: Partial<GandiConnection> = {}): GandiConnection => ({
  endpoint: server.url,
  apiKey: KEY,
  timeoutMs: 2_000,
  ...over,
});

describe('the API key never leaks', () => {
  const scenarios: [string, () => Promise<GandiError>, string?][] = [
    [
      'fault quoting a malformed key (500037)',
      async () => {
        server.respond(() => ({
          body: faultBody(
            500037,
            `Error on object : OBJECT_UNKNOWN (CAUSE_BADPARAMETER) [string '${MALFORMED_KEY}' does not match '^[a-z0-9]{24}$']`,
          ),
        }));
        return provoke(accountInfo(conn({ apiKey: MALFORMED_KEY })));
      },
      MALFORMED_KEY,
    ],
    [
      'fault echoing a well-formed key',
      async () => {
        server.respond(() => ({
          body: faultBody(
            510150,
            `Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key ${KEY}]`,
          ),
        }));
        return provoke(accountInfo(conn()));
      },
    ],
    [
      'connection refused',
      async () => {
        const s = http.createServer();
        s.listen(0, '127.0.0.1');
        await once(s, 'listening');
        const { port } = s.address() as AddressInfo;
        s.close();
        await once(s, 'close');
        return provoke(vmList(conn({ endpoint: `http://127.0.0.1:${port}/xmlrpc/` })));
      },
    ],
    [
      'timeout',
      async () => {
        server.respond(() => ({ hang: true }));
        return provoke(vmStop(conn({ timeoutMs: 100 }), 1));
      },
    ],
    [
      'HTTP error whose status text echoes the key',
      async () => {
        server.respond(() => ({ status: 500, statusMessage: `bad key ${KEY}`, body: `no ${KEY}` }));
        return provoke(vmStop(conn(), 1));
      },
    ],
    [
      'undecodable body echoing the key',
      async () => {
        server.respond(() => ({
          body: `<methodResponse><${KEY}>${KEY}</${KEY}></methodResponse>`,
        }));
        return provoke(vmList(conn()));
      },
    ],
    [
      'well-formed answer of the wrong shape',
      async () => {
        server.respond(() => ({
          body: `<methodResponse><params><param><value><string>${KEY}</string></value></param></params></methodResponse>`,
        }));
        return provoke(vmList(conn()));
      },
    ],
    [
      'cancelled request',
      async () => {
        server.respond(() => ({ hang: true }));
        const controller = new AbortController();
        const pending = vmStop(conn({ signal: controller.signal }), 1);
        setTimeout(() => controller.abort(), 20);
        return provoke(pending);
      },
    ],
  ];

  it.each(scenarios)('%s', async (_name, run, key = KEY) => {
    captureOutput();
    const err = await run();
    vi.restoreAllMocks();
    expectNoKey(err, key);
    for (const line of output) expect(line).not.toContain(key);
  });

  it('covers every error kind', async () => {
    const kinds = new Set<string>();
    for (const [, run] of scenarios) kinds.add((await run()).kind);
    expect([...kinds].sort()).toEqual(['decode', 'fault', 'http', 'network', 'timeout']);
  });

  it('the redacted fault still says what happened', async () => {
    server.respond(() => ({
      body: faultBody(
        500037,
        `Error on object : OBJECT_UNKNOWN (CAUSE_BADPARAMETER) [string '${MALFORMED_KEY}' does not match '^[a-z0-9]{24}$']`,
      ),
    }));
    const err = await provoke(accountInfo(conn({ apiKey: MALFORMED_KEY })));
    expect(err.reason).toBe("string '[api key]' does not match '^[a-z0-9]{24}$'");
    expect(userMessage(err)).toMatch(/malformed/);
  });
});
