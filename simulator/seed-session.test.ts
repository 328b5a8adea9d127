import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { startSimulator, type Simulator } from './index';

const run = promisify(execFile);
const SCRIPT = path.join(__dirname, 'testing', 'seed_session.py');

describe('the overview example session, replayed by Python xmlrpc.client', () => {
  let sim: Simulator;
  beforeAll(async () => {
    // Real (fast) operation timing, so the script's polling sees WAIT/RUN before DONE.
    sim = await startSimulator({ port: 0, memory: true, speed: 40, quiet: true });
  });
  afterAll(() => sim.close());

  it('works call for call', async () => {
    const { stdout } = await run('python3', [SCRIPT, sim.url, DEMO_API_KEY], { timeout: 60_000 });
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    expect(seen.api_version).toBe('3.3.37');
    expect(seen.rating_enabled).toBe(true);
    // The first French datacenter is FR-SD2 (closing, `NEW`): the demo account has a VM there.
    expect(seen.dc_id).toBe(1);
    expect(seen.ubuntu_labels).toContain('Ubuntu 10.04');
    expect(seen.create_types).toEqual(['disk_create', 'iface_create', 'vm_create']);
    // The 2018 recording (vm_create_from.xml): disk and iface DONE at once, the VM waiting.
    expect(seen.create_steps).toEqual(['DONE', 'DONE', 'WAIT']);
    expect((seen.vm_create_steps as string[]).at(-1)).toBe('DONE');
    expect((seen.vm_create_steps as string[])[0]).not.toBe('DONE');
    expect(seen.vm_id_matches).toBe(true);
    expect(seen.vm_state).toBe('running');
    expect(seen.vm_max_memory).toBe(2048);
    expect(seen.ip_versions).toEqual([4, 6]);
    expect(seen.system_disk).toEqual({
      name: 'sys_myvm',
      label: 'Ubuntu 10.04',
      is_boot_disk: true,
    });
    expect(seen.update).toBe('DONE');
    expect(seen.memory_after_update).toBe(1024);
    expect(seen.lifecycle).toEqual([
      ['stop', 'DONE', 'halted'],
      ['start', 'DONE', 'running'],
      ['reboot', 'DONE', 'running'],
    ]);
    expect(seen.delete).toBe('DONE');
    expect(seen.vm_left).toEqual([]);
    expect(seen.info_after_delete).toBe(530242);
  });
});
