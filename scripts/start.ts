/**
 * `npm start`: the whole product on one machine — the embedded Gandi simulator and the panel.
 *
 * Prepares what a fresh checkout lacks (a session secret kept in `.data/`, a production build when
 * the sources are newer than it), starts both processes and prints the URL and the demo API key.
 * When the simulator stops, the panel stays up (its pages say the upstream is unreachable and
 * recover by themselves) and the simulator is restarted, backing off; when the panel stops, or on
 * Ctrl-C, both stop. `--dev` runs `next dev` instead of a production build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { DEMO_API_KEY } from '../simulator/accounts';

const root = path.resolve(__dirname, '..');
const dataDir = path.join(root, '.data');
const dev = process.argv.includes('--dev');
// `--no-build`: serve the existing build as it is (the e2e suite's own, never rebuilt under it).
const noBuild = process.argv.includes('--no-build');
const host = process.env.HOST ?? '127.0.0.1';
const panelPort = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 8080);
const usesOwnSimulator = !process.env.SIMULATOR_URL;
const simulatorUrl = process.env.SIMULATOR_URL ?? `http://127.0.0.1:${simPort}/xmlrpc/`;

/** iron-session's minimum: a shorter secret would fail every request, so refuse to start. */
const SESSION_PASSWORD_MIN = 32;

function sessionPassword(): string {
  const given = process.env.SESSION_PASSWORD;
  if (given !== undefined && given.length < SESSION_PASSWORD_MIN) {
    console.error(
      `SESSION_PASSWORD is too short (${given.length} characters, at least ${SESSION_PASSWORD_MIN}): not starting. Unset it to have one generated in .data/.`,
    );
    process.exit(1);
  }
  if (given) return given;
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  // Generated once per checkout and kept out of git (.data/ is ignored), so sessions survive restarts.
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** 32 random bytes (base64) kept in .data/ like the session secret: encrypts team workspaces' keys. */
function portalEncryptionKey(): string {
  if (process.env.PORTAL_ENCRYPTION_KEY) return process.env.PORTAL_ENCRYPTION_KEY;
  const file = path.join(dataDir, 'portal-encryption-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale(env: NodeJS.ProcessEnv): void {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  const sources = ['app', 'components', 'lib', 'proxy.ts', 'next.config.js', 'package.json']
    .map((p) => path.join(root, p))
    .filter(existsSync)
    .map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  console.log('Building the panel (next build)…');
  // `env` carries NEXT_TELEMETRY_DISABLED: no telemetry notice in the build's output.
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Runs a package binary directly (not through npx, whose wrappers do not pass signals on) in a
 * process group of its own, so stopping it stops everything it started.
 */
function startBinary(bin: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(path.join(root, 'node_modules', '.bin', bin), args, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

function waitForLine(child: ChildProcess, pattern: RegExp, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(pattern);
      if (match) {
        child.stdout?.off('data', onData);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${label} exited (code ${code}) before it was ready`)),
    );
  });
}

const children = new Set<ChildProcess>();
let stopping = false;

function stopAll(code: number): never {
  stopping = true;
  for (const child of children) stopGroup(child);
  process.exit(code);
}

/** Restart waits: 1 s, then doubling up to 30 s; back to 1 s once a run lasted a minute. */
const SIMULATOR_RESTART_MS = { first: 1_000, max: 30_000, healthyAfter: 60_000 } as const;

/**
 * Starts the simulator and keeps it running: when it stops, one log line says so and it is
 * started again after a back-off, while the panel keeps serving.
 */
async function superviseSimulator(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  let delay: number = SIMULATOR_RESTART_MS.first;
  const start = async (first: boolean): Promise<void> => {
    const sim = startBinary('tsx', args, env);
    children.add(sim);
    const startedAt = Date.now();
    sim.once('exit', (code, signal) => {
      children.delete(sim);
      if (stopping) return;
      if (Date.now() - startedAt >= SIMULATOR_RESTART_MS.healthyAfter)
        delay = SIMULATOR_RESTART_MS.first;
      const how = signal ? `was stopped (${signal})` : `exited (code ${code})`;
      console.error(
        `The simulator ${how}; the panel stays up. Restarting the simulator in ${delay / 1000} s.`,
      );
      setTimeout(() => {
        if (!stopping) void start(false).catch(() => undefined);
      }, delay);
      delay = Math.min(SIMULATOR_RESTART_MS.max, delay * 2);
    });
    try {
      await waitForLine(sim, /listening on \S+/, 'The simulator');
    } catch (err) {
      if (first) throw err;
      return;
    }
    sim.stdout?.resume();
    if (!first) console.log('The simulator is back.');
  };
  await start(true);
}

async function main(): Promise<void> {
  // Hashes, sealed keys and secrets live here: private to the panel's user.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const env = {
    ...process.env,
    TZ: 'UTC',
    NEXT_TELEMETRY_DISABLED: '1',
    SESSION_PASSWORD: sessionPassword(),
    PORTAL_ENCRYPTION_KEY: portalEncryptionKey(),
    PORTAL_DATA_DIR: process.env.PORTAL_DATA_DIR ?? dataDir,
    SIMULATOR_URL: simulatorUrl,
  };
  if (!dev && !noBuild) buildIfStale(env);

  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  if (usesOwnSimulator) {
    await superviseSimulator(
      [
        'simulator/main.ts',
        '--host',
        '127.0.0.1',
        '--port',
        String(simPort),
        '--data-dir',
        process.env.SIM_DATA_DIR ?? path.join(dataDir, 'simulator'),
      ],
      env,
    );
  }

  const panel = startBinary(
    'next',
    [dev ? 'dev' : 'start', '-H', host, '-p', String(panelPort)],
    env,
  );
  children.add(panel);
  await waitForLine(panel, /Ready|started server|Local:/i, 'The panel');
  panel.stdout?.pipe(process.stdout);
  panel.once('exit', (code) => {
    if (stopping) return;
    console.error(`The panel exited (code ${code}); stopping.`);
    stopAll(code ?? 1);
  });

  console.log('');
  console.log(`  Gandi Hosting panel:  http://${host}:${panelPort}/`);
  console.log(`  Upstream (simulator): ${simulatorUrl}`);
  if (usesOwnSimulator) console.log(`  demo API key: ${DEMO_API_KEY}`);
  console.log(usesOwnSimulator ? '  Press Ctrl-C to stop both.' : '  Press Ctrl-C to stop.');
  console.log('');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  stopAll(1);
});
