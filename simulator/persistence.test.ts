import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { startSimulator } from './index';
import { client } from './testing/client';
import { DEBIAN8_FR_SD3 } from './testing/harness';

const K = DEMO_API_KEY;
const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gandi-sim-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('a restart keeps every change, and ids keep increasing', async () => {
    const dataDir = tempDir();
    let sim = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
    let rpc = client(sim.url);
    const disk = (await rpc.call('hosting.disk.create', K, {
      datacenter_id: 4,
      name: 'kept',
      size: 2048,
    })) as { id: number; disk_id: number };
    const [web01] = (await rpc.call('hosting.vm.list', K, { hostname: 'web01' })) as {
      id: number;
    }[];
    await rpc.call('hosting.vm.stop', K, web01!.id);
    await rpc.call('version.info', K); // lets the stop complete
    const { apiKey } = sim.control.createAccount({ credits: 7 });
    await sim.close();

    sim = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
    rpc = client(sim.url);
    expect(await rpc.call('hosting.disk.info', K, disk.disk_id)).toMatchObject({
      name: 'kept',
      size: 2048,
      state: 'created',
    });
    expect(await rpc.call('hosting.vm.info', K, web01!.id)).toMatchObject({ state: 'halted' });
    expect(await rpc.call('hosting.account.info', apiKey)).toMatchObject({ credits: 7 });
    const next = (await rpc.call('hosting.vm.start', K, web01!.id)) as { id: number };
    expect(next.id).toBeGreaterThan(disk.id);
    await sim.close();
  });

  it('reset reseeds, and memory mode leaves nothing on disk', async () => {
    const dataDir = tempDir();
    const sim = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
    const rpc = client(sim.url);
    await rpc.call('hosting.disk.create', K, { datacenter_id: 4, name: 'gone', size: 1024 });
    sim.control.reset();
    expect(await rpc.call('hosting.disk.count', K, { name: 'gone' })).toBe(0);
    await sim.close();
    const restarted = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
    expect(await client(restarted.url).call('hosting.disk.count', K, { name: 'gone' })).toBe(0);
    await restarted.close();

    const memory = await startSimulator({
      port: 0,
      memory: true,
      quiet: true,
      dataDir: path.join(tempDir(), 'never'),
    });
    await client(memory.url).call('hosting.disk.create', K, { datacenter_id: 4, size: 1024 });
    await memory.close();
    expect(fs.existsSync(path.join(dirs.at(-1)!, 'never'))).toBe(false);
  });

  it('a torn last journal line (a write cut by a kill) is dropped, not fatal', async () => {
    const dataDir = tempDir();
    const sim = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
    await client(sim.url).call('hosting.disk.create', K, {
      datacenter_id: 4,
      name: 'whole',
      size: 1024,
    });
    await sim.close();
    fs.appendFileSync(
      path.join(dataDir, 'journal.ndjson'),
      '{"seq":99,"puts":[{"kind":"disk","rec":{"id":1',
    );
    const again = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
    const rpc = client(again.url);
    expect(await rpc.call('hosting.disk.count', K, { name: 'whole' })).toBe(1);
    await rpc.call('hosting.disk.create', K, { datacenter_id: 4, name: 'after', size: 1024 });
    await again.close();
    const third = await startSimulator({ port: 0, dataDir, instant: true, quiet: true });
    expect(await client(third.url).call('hosting.disk.count', K, { '~name': '%' })).toBe(4); // 2 system disks + 2
    await third.close();
  });
});

const MAIN = path.join(__dirname, 'main.ts');

function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // The server itself is the child (node with tsx's loader), so SIGKILL hits it, not a wrapper.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--port', '0', '--data-dir', dataDir, '--speed', '1000'],
      {
        env: { ...process.env, GANDI_SIM_COMPACT_AFTER: '25' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

describe('crash safety', () => {
  it('SIGKILL while mutations are in flight leaves a loadable state with every acknowledged change', async () => {
    const dataDir = tempDir();
    const { child, url } = await startCli(dataDir);
    const rpc = client(url);
    const acknowledged = { keys: [] as number[], disks: [] as number[] };
    let stop = false;
    const worker = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          if (i % 2 === 0) {
            const body = Buffer.from(`key-${n}-${i}-${'x'.repeat(40)}`).toString('base64');
            const key = (await rpc.call('hosting.ssh.create', K, {
              value: `ssh-ed25519 ${body}`,
              name: `k${n}-${i}`,
            })) as { id: number };
            acknowledged.keys.push(key.id);
          } else {
            const op = (await rpc.call(
              'hosting.disk.create_from',
              K,
              { name: `d${n}-${i}` },
              DEBIAN8_FR_SD3,
            )) as { disk_id: number };
            acknowledged.disks.push(op.disk_id);
          }
        } catch {
          return; // the kill
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(workers);
    expect(child.signalCode).toBe('SIGKILL');
    expect(acknowledged.keys.length + acknowledged.disks.length).toBeGreaterThan(40);

    const restarted = await startCli(dataDir);
    try {
      const rpc2 = client(restarted.url);
      // A quiet machine acknowledges more than one page (500) in the window: read every page.
      const allIds = async (method: string): Promise<Set<number>> => {
        const ids = new Set<number>();
        for (let page = 0; ; page++) {
          const items = (await rpc2.call(method, K, { items_per_page: 500, page })) as {
            id: number;
          }[];
          for (const item of items) ids.add(item.id);
          if (items.length < 500) return ids;
        }
      };
      const keyIds = await allIds('hosting.ssh.list');
      const diskIds = await allIds('hosting.disk.list');
      expect(acknowledged.keys.filter((id) => !keyIds.has(id))).toEqual([]);
      expect(acknowledged.disks.filter((id) => !diskIds.has(id))).toEqual([]);
    } finally {
      const gone = new Promise((r) => restarted.child.once('exit', r));
      restarted.child.kill('SIGTERM');
      await gone;
    }
  }, 40_000);
});
