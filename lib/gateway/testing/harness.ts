import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { withSharedTables } from '@/lib/shared-state/db';
import { SignInThrottle } from '@/lib/shared-state/sign-in-throttle';
import type { TeamStore } from '@/lib/team/store/team-store';
import { openTeamWorld } from '@/lib/team/testing/team-world';
import type { TestDb } from '@/lib/team/testing/test-db';
import { TokenStore } from '@/lib/team/tokens/token-store';
import type { Role } from '@/lib/team/db/schema';
import type { Simulator } from '@/simulator/index';
import type { GatewayDeps, MutationRunner } from '../gateway-call';
import { handleXmlRpcRequest } from '../http';
import { gatedMutations } from '../mutations-gated';
import { RateLimiter } from '../rate-limit';

/**
 * The portal's endpoint over real HTTP for tests: the team world (simulator upstream, team storage
 * installed as the process's own, so the gate finds it), a workspace on a fresh account (or the
 * one given) with one member and one token per role, and the same request handler the route uses.
 */
export const MEMBERS = ['owner', 'admin', 'operator', 'operator2', 'viewer'] as const;
export type MemberName = (typeof MEMBERS)[number];
const ROLE_OF: Record<MemberName, Role> = {
  owner: 'owner',
  admin: 'admin',
  operator: 'operator',
  operator2: 'operator',
  viewer: 'viewer',
};

export interface GatewayHarness {
  url: string;
  sim: Simulator;
  /** The workspace's Gandi key (the one that must never appear in an answer). */
  apiKey: string;
  db: TestDb;
  team: TeamStore;
  tokenStore: TokenStore;
  workspaceId: string;
  memberIds: Record<MemberName, string>;
  tokens: Record<MemberName, string>;
  deps: GatewayDeps;
  close(): Promise<void>;
}

export async function startGateway(
  backend: 'sqlite' | 'postgres',
  options: {
    mutate?: MutationRunner;
    limits?: Partial<GatewayDeps['limits']>;
    /** The account's key (default: a fresh account with two running VMs). */
    apiKey?: string;
  } = {},
): Promise<GatewayHarness> {
  const world = await openTeamWorld(backend);
  const { sim, db, store: team } = world;
  let apiKey = options.apiKey;
  if (!apiKey) {
    apiKey = sim.control.createAccount().apiKey;
    sim.control.createVms({ apiKey, count: 2 });
  }
  const tokenStore = new TokenStore(db.db);
  const { workspace, owner } = await team.createWorkspace({
    name: 'Gateway',
    endpointId: 'simulator',
    handle: 'GW-GANDI',
    apiKey,
    ownerEmail: 'owner@example.test',
    ownerPasswordHash: 'scrypt$x',
  });
  const memberIds = { owner: owner.id } as Record<MemberName, string>;
  for (const name of MEMBERS.slice(1)) {
    const { token } = await team.createInvite({
      workspaceId: workspace.id,
      email: `${name}@example.test`,
      role: ROLE_OF[name],
      createdBy: owner.id,
    });
    memberIds[name] = (await team.acceptInvite(token, 'scrypt$y'))!.id;
  }
  const tokens = {} as Record<MemberName, string>;
  for (const name of MEMBERS) {
    tokens[name] = (
      await tokenStore.create({
        workspaceId: workspace.id,
        memberId: memberIds[name],
        name: `${name}-cli`,
      })
    ).token;
  }
  const deps: GatewayDeps = {
    tokens: tokenStore,
    team,
    endpointUrl: (id) => (id === 'simulator' ? sim.url : undefined),
    mutate: options.mutate ?? gatedMutations,
    limits: {
      perToken: new RateLimiter({ limit: 100_000, windowMs: 60_000 }),
      perAddress: new RateLimiter({ limit: 100_000, windowMs: 60_000 }),
      badTokens: new SignInThrottle(withSharedTables(team.db), { freeFailures: 1_000 }),
      ...options.limits,
    },
  };
  const server: Server = createServer((req, res) => {
    const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'POST' ? (Readable.toWeb(req) as ReadableStream) : undefined,
      // @ts-expect-error Node's fetch needs `duplex` for a streamed body (not in the DOM types).
      duplex: 'half',
    });
    void (async () => {
      const response =
        req.method === 'POST'
          ? await handleXmlRpcRequest(request, deps)
          : new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xmlrpc/`,
    sim,
    apiKey,
    db,
    team,
    tokenStore,
    workspaceId: workspace.id,
    memberIds,
    tokens,
    deps,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await world.close();
    },
  };
}

export interface PythonCall {
  token: string;
  method: string;
  args?: unknown[];
  parallel?: string;
}

export type PythonResult =
  { value: unknown } | { fault: { code: number; string: string } } | { http: number };

const SCRIPT = path.join(__dirname, 'xmlrpc_calls.py');

/** Runs the calls with Python's xmlrpc.client; returns their results and every raw answer. */
export function pythonCalls(
  url: string,
  calls: readonly PythonCall[],
): Promise<{ results: PythonResult[]; bodies: string[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'python3',
      [SCRIPT, url],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { results: PythonResult[]; bodies: string[] });
      },
    );
    child.stdin?.end(JSON.stringify(calls));
  });
}
