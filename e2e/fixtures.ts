/**
 * @file Playwright fixtures: fresh isolated simulator accounts, sign-in helpers, and a recorder of
 * every response body the browser receives (for the "the API key never reaches the browser" checks).
 */
import { createHash } from 'node:crypto';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4010);
export const SIM_BASE = `http://127.0.0.1:${SIM_PORT}`;
export const SESSION_COOKIE = 'gandi_panel_session';

export interface SimAccount {
  apiKey: string;
  handle: string;
}

/** POST a JSON body to the simulator's loopback control API. */
export async function simControl<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${SIM_BASE}/_sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(
      `simulator /_sim/${path} answered ${response.status}: ${await response.text()}`,
    );
  return (await response.json()) as T;
}

/** A fresh account with credits and nothing else, isolated from every other test. */
export function createAccount(credits = 10_000): Promise<SimAccount> {
  return simControl<SimAccount>('accounts', { credits });
}

type RpcScalar = string | number | boolean;
type RpcParam = RpcScalar | Readonly<Record<string, RpcScalar>>;

function encodeParam(value: RpcParam): string {
  if (typeof value === 'boolean') return `<boolean>${value ? 1 : 0}</boolean>`;
  if (typeof value === 'number') return `<int>${value}</int>`;
  if (typeof value === 'object') {
    const members = Object.entries(value).map(
      ([name, member]) =>
        `<member><name>${name}</name><value>${encodeParam(member)}</value></member>`,
    );
    return `<struct>${members.join('')}</struct>`;
  }
  return `<string>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</string>`;
}

/**
 * Calls the simulator's XML-RPC API directly, as another tool on the same account would (to start
 * operations behind the panel's back). Returns the raw response; throws on a fault.
 */
export async function simRpc(method: string, ...params: RpcParam[]): Promise<string> {
  const body = `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>${params
    .map((param) => `<param><value>${encodeParam(param)}</value></param>`)
    .join('')}</params></methodCall>`;
  const response = await fetch(`${SIM_BASE}/xmlrpc/`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('<fault>'))
    throw new Error(`${method} failed: ${text.slice(0, 300)}`);
  return text;
}

/** A `hosting.*.count` of the account, asked of the simulator directly. */
async function countOf(method: string, apiKey: string): Promise<number> {
  const xml = await simRpc(method, apiKey);
  return Number(/<(?:int|i4)>(\d+)</.exec(xml)?.[1]);
}

export const vmCount = (apiKey: string) => countOf('hosting.vm.count', apiKey);

/** One running VM made by the simulator's control API (FR-SD3 unless said), and its id. */
export async function simVm(apiKey: string, datacenterId = 4): Promise<number> {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey,
    count: 1,
    datacenterId,
  });
  const id = vmIds[0];
  if (id === undefined) throw new Error('the simulator made no VM');
  return id;
}

/**
 * The VM's state (running or halted; null once it is gone), asked of the simulator directly. Its
 * disks and interfaces have states too (created, used), so the VM's is the power state among them.
 */
export async function simVmState(apiKey: string, vmId: number): Promise<string | null> {
  let xml: string;
  try {
    xml = await simRpc('hosting.vm.info', apiKey, vmId);
  } catch {
    return null;
  }
  const states = [...xml.matchAll(/<name>state<\/name>\s*<value>\s*(?:<string>)?(\w+)/g)].map(
    (match) => match[1],
  );
  return states.find((state) => state === 'running' || state === 'halted') ?? 'unknown';
}

/** A top-level string field of `hosting.vm.info` (`hostname`…), asked of the simulator directly. */
export async function simVmField(apiKey: string, vmId: number, field: string): Promise<string> {
  const xml = await simRpc('hosting.vm.info', apiKey, vmId);
  const match = new RegExp(`<name>${field}</name>\\s*<value>\\s*<string>([^<]*)<`).exec(xml);
  if (!match) throw new Error(`no ${field} in hosting.vm.info`);
  return match[1] ?? '';
}
export const diskCount = (apiKey: string) => countOf('hosting.disk.count', apiKey);
export const ifaceCount = (apiKey: string) => countOf('hosting.iface.count', apiKey);

/** A public key (no secret: its private half was never kept), and adding it to an account. */
export const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGa7yvnNvRfUZ0keklfciuduXfzwXk4mrILd4U9f4iwB e2e@panel';

export async function addSshKey(apiKey: string, name: string): Promise<void> {
  await simRpc('hosting.ssh.create', apiKey, { value: PUBLIC_KEY, name });
}

/** The first `<name>id</name>` integer of an XML-RPC struct response (an operation's id). */
export function operationIdOf(responseXml: string): number {
  const match = /<name>id<\/name>\s*<value>\s*<(?:int|i4)>(\d+)</.exec(responseXml);
  if (!match) throw new Error('no id in response');
  return Number(match[1]);
}

/**
 * An operation that runs as long as a test needs, started behind the panel's back: a migration out
 * of the closing FR-SD2. Its copy (the operation `migrate(vm, false)` answers) ends DONE; the
 * migration then waits in RUN / `wait_finalize` until `migrate(vm, true)`. Returns that waiting
 * operation's id.
 */
export async function waitingMigration(apiKey: string, vmId: number): Promise<number> {
  await simRpc('hosting.vm.migrate', apiKey, vmId);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const list = await simRpc('operation.list', apiKey, {
      type: 'hosting_migration_vm',
      step: 'RUN',
      vm_id: vmId,
    });
    if (list.includes('wait_finalize')) return operationIdOf(list);
    if (Date.now() > deadline) throw new Error('the migration never waited for a finalize');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Signs in through the real form and waits for the dashboard. */
export async function signIn(page: Page, apiKey: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('API key', { exact: true }).fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/**
 * Signs in with the page's own live views kept off the server, and leaves the page: the session
 * holds no stream slot, so a test can count a session's streams exactly. Returns the session's
 * Cookie header for requests made outside the browser.
 */
export async function signInWithoutStreams(page: Page, apiKey: string): Promise<string> {
  const streams = '**/api/operations/stream**';
  await page.route(streams, (route) => route.abort());
  await signIn(page, apiKey);
  await page.goto('about:blank'); // before the route goes: no EventSource retries past it
  await page.unroute(streams);
  return (await page.context().cookies())
    .filter((c) => c.name === SESSION_COOKIE)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

export interface BodyRecorder {
  /** Every body received so far: URL, content type and text (SSE messages are recorded one by one). */
  readonly bodies: { url: string; contentType: string; text: string }[];
  /** Waits for bodies still being read, then returns them. */
  settle(): Promise<BodyRecorder['bodies']>;
  /** Fails the test if `secret` appears in any recorded body. */
  expectNoSecret(secret: string): Promise<void>;
}

/**
 * Records every response body the page receives: documents, scripts, RSC payloads, action replies,
 * and each Server-Sent Event (through the DevTools protocol, since an event stream never "ends").
 */
export async function recordBodies(page: Page): Promise<BodyRecorder> {
  const bodies: BodyRecorder['bodies'] = [];
  const pending = new Set<Promise<void>>();
  page.on('response', (response) => {
    const contentType = response.headers()['content-type'] ?? '';
    if (contentType.includes('text/event-stream')) return;
    const task = response
      .body()
      .then((buffer) => {
        bodies.push({ url: response.url(), contentType, text: buffer.toString('utf8') });
      })
      // Redirects and aborted navigations have no body to read.
      .catch(() => undefined)
      .finally(() => pending.delete(task));
    pending.add(task);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (event) => {
    bodies.push({
      url: 'event-stream',
      contentType: 'text/event-stream',
      text: `id: ${event.eventId}\nevent: ${event.eventName}\ndata: ${event.data}`,
    });
  });
  const recorder: BodyRecorder = {
    bodies,
    async settle() {
      await Promise.all([...pending]);
      return bodies;
    },
    async expectNoSecret(secret) {
      const all = await recorder.settle();
      expect(all.length, 'recorded at least one body').toBeGreaterThan(0);
      const leaks = all.filter((body) => body.text.includes(secret)).map((body) => body.url);
      expect(leaks, 'responses containing the API key').toEqual([]);
    },
  };
  return recorder;
}

interface Fixtures {
  /** A fresh isolated simulator account. */
  account: SimAccount;
  /** A page already signed in as `account`. */
  signedInPage: Page;
}

/**
 * A client address of the test's own (198.18.0.0/15, the benchmarking range), from its id. The
 * runner plays the trusted proxy (see playwright.config.ts), so the sign-in failures a test makes on
 * purpose count against its address only and never lock a later test out (the lockout is per
 * address and lasts up to minutes).
 */
function testClientAddress(testInfo: TestInfo): string {
  const digest = createHash('sha256')
    .update(`${testInfo.testId}\n${testInfo.repeatEachIndex}\n${testInfo.retry}`)
    .digest();
  const n = digest.readUInt32BE(0) % 2 ** 17;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 0xff}.${n & 0xff}`;
}

export const test = base.extend<Fixtures>({
  // Every context of the test (its page, the request fixture, browser.newContext()) is that client.
  extraHTTPHeaders: async ({}, provide, testInfo) => {
    await provide({ 'x-forwarded-for': testClientAddress(testInfo) });
  },
  account: async ({}, provide) => {
    await provide(await createAccount());
  },
  signedInPage: async ({ page, account }, provide) => {
    await signIn(page, account.apiKey);
    await provide(page);
  },
});

export { expect };
