/**
 * `npm start`: the whole product on one machine — the embedded Gandi simulator and the panel.
 *
 * Prepares what a fresh checkout lacks (a session secret kept in `.data/`, a production build when
 * the sources are newer than it), starts both processes, prints the URL and the demo API key, and
 * stops both when either stops or on Ctrl-C. `--dev` runs `next dev` instead of a production build.
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

function buildIfStale(): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const sources = ['app', 'components', 'lib', 'proxy.ts', 'next.config.js', 'package.json']
    .map((p) => path.join(root, p))
    .filter(existsSync)
    .map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  console.log('Building the panel (next build)…');
  const result = spawnSync('npx', ['next', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
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

const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const child of children) stopGroup(child);
  process.exit(code);
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
  if (!dev) buildIfStale();

  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  if (usesOwnSimulator) {
    const sim = startBinary(
      'tsx',
      [
        'simulator/main.ts',
        '--host',
        '127.0.0.1',
        '--port',
        String(simPort),
        '--data-dir',
        path.join(dataDir, 'simulator'),
      ],
      env,
    );
    children.push(sim);
    await waitForLine(sim, /listening on \S+/, 'The simulator');
    sim.stdout?.resume();
  }

  const panel = startBinary(
    'next',
    [dev ? 'dev' : 'start', '-H', host, '-p', String(panelPort)],
    env,
  );
  children.push(panel);
  await waitForLine(panel, /Ready|started server|Local:/i, 'The panel');
  panel.stdout?.pipe(process.stdout);

  for (const child of children) child.once('exit', (code) => stopAll(code ?? 1));

  console.log('');
  console.log(`  Gandi Hosting panel:  http://${host}:${panelPort}/`);
  console.log(`  Upstream (simulator): ${simulatorUrl}`);
  if (usesOwnSimulator) console.log(`  demo API key: ${DEMO_API_KEY}`);
  console.log('  Press Ctrl-C to stop both.');
  console.log('');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  stopAll(1);
});
