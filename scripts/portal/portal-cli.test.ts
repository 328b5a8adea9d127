import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { DEMO_API_KEY, startSimulator, type Simulator } from '@/simulator/index';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(ROOT, 'scripts/portal/main.ts');
const PASSWORD = 'correct-horse-battery';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Each command is a fresh `tsx` process (about a second): the tests are long, not slow code.
/** The admin command line end to end, as `npm run portal --` runs it, on SQLite and PostgreSQL. */
describe.each(TEST_BACKENDS)('npm run portal on %s', (backend) => {
  let sim: Simulator;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let schema: string | undefined;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'portal-cli-'));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      PORTAL_DATA_DIR: dataDir,
      PORTAL_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      GANDI_ENDPOINTS: 'simulator',
      SIMULATOR_URL: sim.url,
      PORTAL_MAX_WORKSPACES_PER_ACCOUNT: '1',
    };
    if (backend === 'postgres') {
      schema = `portal_cli_${process.pid}`;
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = url.toString();
    }
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) {
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });

  function portal(args: string[], options: { stdin?: string; password?: string } = {}) {
    return new Promise<Run>((resolve, reject) => {
      const child = spawn(TSX, ['--conditions=react-server', MAIN, ...args], {
        cwd: ROOT,
        env: { ...env, ...(options.password ? { PORTAL_PASSWORD: options.password } : {}) },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.stdin ?? '');
    });
  }

  /** `--json`: exactly one JSON object on stdout. */
  function json(run: Run): Record<string, unknown> {
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  }

  it('sets up a workspace, its members, quotas, policy and tokens, with exit codes 0/1/2', async () => {
    // Secrets never on the command line: no password in the environment → refused (1).
    const noPassword = await portal(
      ['workspace', 'create', '--name', 'Ops Team', '--owner-email', 'o@example.test'],
      { stdin: `${DEMO_API_KEY}\n` },
    );
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('PORTAL_PASSWORD');
    const badKey = await portal(
      ['workspace', 'create', '--name', 'Ops Team', '--owner-email', 'o@example.test'],
      { stdin: 'not a key\n', password: PASSWORD },
    );
    expect(badKey.code).toBe(1);

    const created = await portal(
      ['workspace', 'create', '--name', 'Ops Team', '--owner-email', 'o@example.test', '--json'],
      { stdin: `${DEMO_API_KEY}\n`, password: PASSWORD },
    );
    expect(created.code).toBe(0);
    const workspace = json(created);
    expect(workspace).toEqual({ id: expect.any(String), slug: 'ops-team' });
    expect(created.stdout + created.stderr).not.toContain(DEMO_API_KEY);
    // The panel's cap on workspaces per Gandi account holds on the command line too.
    const second = await portal(
      ['workspace', 'create', '--name', 'Squat', '--owner-email', 'victim@example.test'],
      { stdin: `${DEMO_API_KEY}\n`, password: PASSWORD },
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already has 1 workspace: the most this portal allows');

    const added = await portal(
      [
        'member',
        'add',
        '--workspace',
        'ops-team',
        '--email',
        'Op@Example.test',
        '--role',
        'operator',
        '--json',
      ],
      { password: PASSWORD },
    );
    expect(added.code).toBe(0);
    expect(json(added)).toMatchObject({ email: 'op@example.test', role: 'operator' });
    const usage = await portal([
      'member',
      'add',
      '--workspace',
      'ops-team',
      '--email',
      'x@example.test',
      '--role',
      'king',
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('king');
    expect((await portal(['member', 'frobnicate'])).code).toBe(2);
    const help = await portal(['token', 'create', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--expires-days');

    const role = await portal([
      'member',
      'role',
      '--workspace',
      workspace.id as string,
      '--email',
      'op@example.test',
      '--role',
      'viewer',
    ]);
    expect(role.code).toBe(0);
    const ownerRole = await portal([
      'member',
      'role',
      '--workspace',
      'ops-team',
      '--email',
      'o@example.test',
      '--role',
      'viewer',
    ]);
    expect(ownerRole.code).toBe(1);
    const list = json(await portal(['member', 'list', '--workspace', 'ops-team', '--json']));
    expect(list.members).toEqual([
      expect.objectContaining({ email: 'o@example.test', role: 'owner' }),
      expect.objectContaining({ email: 'op@example.test', role: 'viewer' }),
    ]);

    const quota = await portal([
      'quota',
      'set',
      '--workspace',
      'ops-team',
      '--member',
      'op@example.test',
      '--vms',
      '2',
      '--cores',
      '4',
      '--json',
    ]);
    expect(json(quota)).toEqual({ member: 'op@example.test', limits: { vms: 2, cores: 4 } });
    const lifted = await portal([
      'quota',
      'set',
      '--workspace',
      'ops-team',
      '--member',
      'op@example.test',
      '--cores',
      'none',
      '--json',
    ]);
    expect(json(lifted)).toEqual({ member: 'op@example.test', limits: { vms: 2, cores: null } });
    expect((await portal(['quota', 'set', '--workspace', 'ops-team', '--vms', '-3'])).code).toBe(2);
    const policy = await portal([
      'policy',
      'set',
      '--workspace',
      'ops-team',
      '--above-cores',
      '4',
      '--deletes-need-approval',
      'true',
      '--json',
    ]);
    expect(json(policy)).toEqual({ aboveCores: 4, operatorDeletes: true });

    const token = await portal([
      'token',
      'create',
      '--workspace',
      'ops-team',
      '--member',
      'op@example.test',
      '--name',
      'laptop',
      '--expires-days',
      '30',
      '--json',
    ]);
    expect(token.code).toBe(0);
    const secret = json(token).token as string;
    expect(secret).toMatch(/^[a-z0-9]{24}$/);
    const again = await portal([
      'token',
      'create',
      '--workspace',
      'ops-team',
      '--member',
      'op@example.test',
      '--name',
      'laptop',
    ]);
    expect(again.code).toBe(1);
    const tokens = await portal(['token', 'list', '--workspace', 'ops-team', '--json']);
    expect(tokens.stdout).not.toContain(secret);
    expect(json(tokens).tokens).toEqual([
      expect.objectContaining({ name: 'laptop', memberEmail: 'op@example.test' }),
    ]);
    expect(
      (await portal(['token', 'revoke', '--workspace', 'ops-team', '--name', 'laptop'])).code,
    ).toBe(0);
    expect(
      (await portal(['token', 'revoke', '--workspace', 'ops-team', '--name', 'laptop'])).code,
    ).toBe(1);

    expect(
      (await portal(['member', 'remove', '--workspace', 'ops-team', '--email', 'op@example.test']))
        .code,
    ).toBe(0);
    expect((await portal(['member', 'list', '--workspace', 'nowhere'])).code).toBe(1);
  }, 400_000);

  it('verifies and exports the audit log, and exits 1 once an entry is edited', async () => {
    const verified = await portal(['audit', 'verify', '--json']);
    expect(verified.code).toBe(0);
    expect(json(verified)).toMatchObject({ ok: true });
    const csv = await portal(['audit', 'export', '--workspace', 'ops-team', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[1]).toContain('cli.workspace.create');
    const exported = JSON.parse(
      (await portal(['audit', 'export', '--workspace', 'ops-team', '--format', 'json'])).stdout,
    ) as { action: string }[];
    expect(exported.map((entry) => entry.action)).toContain('cli.token.create');
    expect(JSON.stringify(exported)).not.toContain(PASSWORD);
    expect(
      (await portal(['audit', 'export', '--workspace', 'ops-team', '--format', 'xml'])).code,
    ).toBe(2);

    await tamper(`update audit set message = 'edited' where seq = 2`);
    const broken = await portal(['audit', 'verify', '--workspace', 'ops-team']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN');
  }, 120_000);

  async function tamper(statement: string) {
    if (backend === 'sqlite') {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(path.join(dataDir, 'portal.sqlite'));
      db.exec(statement);
      db.close();
    } else {
      const client = new Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query(statement);
      await client.end();
    }
  }
});
