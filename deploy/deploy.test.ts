/**
 * The reference deployment, checked without a Docker engine: HAProxy validates both of the
 * project's configurations (Debian's `haproxy -c`; CI installs it), the balancer is round-robin
 * with no stickiness and takes replicas out on /readyz, and the image is Next's standalone output,
 * run as a non-root user, with a health check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((file) => existsSync(file));

/** Runs `haproxy -c`; returns its exit code and output. */
function haproxyCheck(file: string, env: Record<string, string> = {}) {
  try {
    const out = execFileSync(haproxy!, ['-c', '-f', file], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out };
  } catch (err) {
    const failed = err as { status: number; stdout: string; stderr: string };
    return { code: failed.status, out: `${failed.stdout}${failed.stderr}` };
  }
}

/** Directives of a config, comments and blank lines dropped. */
const directives = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);

describe('the HAProxy configurations', () => {
  // CI installs haproxy (.ci/run): there the check may not be skipped.
  it.skipIf(!haproxy && !process.env.CI)('are valid for haproxy -c', () => {
    expect(haproxy, 'haproxy is not installed').toBeDefined();
    const deploy = haproxyCheck('deploy/haproxy.cfg');
    expect(deploy.out).toContain('Configuration file is valid');
    expect(deploy.code).toBe(0);
    const replicas = haproxyCheck('e2e-replicas/haproxy.cfg', {
      E2E_LB_PORT: '3200',
      E2E_R1_PORT: '3201',
      E2E_R2_PORT: '3202',
    });
    expect(replicas.code).toBe(0);
    // And an invalid one is refused: the check can fail.
    expect(haproxyCheck('deploy/Dockerfile').code).not.toBe(0);
  });

  it('deploy: round-robin over both compose replicas, no sticky sessions, out on /readyz', () => {
    const lines = directives(read('deploy/haproxy.cfg'));
    expect(lines).toContain('balance roundrobin');
    expect(lines).toContain('option httpchk GET /readyz');
    expect(lines.filter((line) => /^(cookie|stick|appsession|hash-type)\b/.test(line))).toEqual([]);
    expect(lines.filter((line) => /\bcookie\b/.test(line))).toEqual([]);
    const servers = lines.filter((line) => line.startsWith('server '));
    expect(servers.map((line) => line.split(/\s+/)[2])).toEqual(['panel1:3000', 'panel2:3000']);
    for (const server of servers) expect(server).toMatch(/\bcheck\b/);
    const compose = read('deploy/compose.yaml');
    for (const service of ['postgres', 'simulator', 'panel1', 'panel2', 'haproxy']) {
      expect(compose).toMatch(new RegExp(`^  ${service}:`, 'm'));
    }
    // Both replicas are one definition: the same DATABASE_URL, the one trusted proxy hop.
    expect(compose).toMatch(/^ {2}panel1: \*panel$/m);
    expect(compose).toMatch(/^ {2}panel2: \*panel$/m);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\//);
    expect(compose).toMatch(/TRUST_PROXY_HOPS: '1'/);
  });
});

describe('the Dockerfile', () => {
  const stages = read('deploy/Dockerfile')
    .split(/^(?=FROM )/m)
    .filter((stage) => stage.startsWith('FROM '));
  const named = (name: string) =>
    stages.find((stage) => stage.split('\n')[0]!.endsWith(` AS ${name}`))!;

  it("builds Next's standalone output and runs it, as the last stage", () => {
    const build = named('build');
    expect(build).toMatch(/NEXT_OUTPUT=standalone/);
    expect(build).toMatch(/^RUN npx next build$/m);
    // next.config.js turns that variable into `output: 'standalone'`.
    const load = () => {
      const require = createRequire(path.join(root, 'package.json'));
      const file = require.resolve('./next.config.js');
      delete require.cache[file];
      return require(file) as { output?: string };
    };
    const before = process.env.NEXT_OUTPUT;
    try {
      process.env.NEXT_OUTPUT = 'standalone';
      expect(load().output).toBe('standalone');
      delete process.env.NEXT_OUTPUT;
      expect(load().output).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.NEXT_OUTPUT;
      else process.env.NEXT_OUTPUT = before;
    }
    const panel = named('panel');
    expect(stages.at(-1)).toBe(panel);
    expect(panel).toMatch(/^COPY --from=build --chown=node:node \/app\/\.next\/standalone \.\/$/m);
    expect(panel).toMatch(/^COPY --from=build .*\/app\/\.next\/static \.\/\.next\/static$/m);
    expect(panel).toMatch(/^CMD \["node", "server\.js"\]$/m);
  });

  it('runs the panel and the simulator as a non-root user, the panel with a health check', () => {
    for (const name of ['panel', 'simulator']) {
      const stage = named(name);
      const users = [...stage.matchAll(/^USER (\S+)$/gm)].map((match) => match[1]);
      expect(users.length, `${name} sets a USER`).toBeGreaterThan(0);
      expect(['root', '0']).not.toContain(users.at(-1));
      // The user is set before the command it runs.
      expect(stage.lastIndexOf('\nUSER ')).toBeLessThan(stage.indexOf('\nCMD '));
    }
    const panel = named('panel');
    expect(panel).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/healthz/m);
    // The drain on SIGTERM needs Next to leave the signal to the panel.
    expect(panel).toMatch(/NEXT_MANUAL_SIG_HANDLE=true/);
  });
});
