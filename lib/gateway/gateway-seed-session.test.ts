import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '@/simulator/index';
import { startGateway, type GatewayHarness } from './testing/harness';

const run = promisify(execFile);
/** The overview's example session (../shared/seed/), as the simulator's own test replays it. */
const SCRIPT = path.resolve(__dirname, '../../simulator/testing/seed_session.py');

describe('the seed’s example session through the endpoint with an owner token', () => {
  let gw: GatewayHarness;
  beforeAll(async () => {
    gw = await startGateway('sqlite', { apiKey: DEMO_API_KEY });
  }, 60_000);
  afterAll(() => gw?.close());

  it('works call for call, and every change it made is audited with the token’s name', async () => {
    const { stdout } = await run('python3', [SCRIPT, gw.url, gw.tokens.owner], { timeout: 90_000 });
    expect(stdout).not.toContain(DEMO_API_KEY);
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    expect(seen.api_version).toBe('3.3.37');
    expect(seen.rating_enabled).toBe(true);
    expect(seen.ubuntu_labels).toContain('Ubuntu 10.04');
    expect(seen.create_types).toEqual(['disk_create', 'iface_create', 'vm_create']);
    expect((seen.vm_create_steps as string[]).at(-1)).toBe('DONE');
    expect(seen.vm_id_matches).toBe(true);
    expect(seen.vm_state).toBe('running');
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
    const actions = await gw.db.db
      .selectFrom('audit')
      .select(['action', 'params', 'result'])
      .where('workspace_id', '=', gw.workspaceId)
      .where('action', 'like', 'xmlrpc.hosting.vm.%')
      .execute();
    const changes = actions.filter((a) => !/\.(info|list)$/.test(a.action));
    expect(changes.map((a) => a.action)).toEqual([
      'xmlrpc.hosting.vm.create_from',
      'xmlrpc.hosting.vm.update',
      'xmlrpc.hosting.vm.stop',
      'xmlrpc.hosting.vm.start',
      'xmlrpc.hosting.vm.reboot',
      'xmlrpc.hosting.vm.stop',
      'xmlrpc.hosting.vm.delete',
    ]);
    for (const change of changes) {
      expect(change.result).toBe('ok');
      expect(JSON.parse(change.params).via).toBe('token owner-cli');
      // The VM's root password of the creation is never in the log.
      expect(change.params).not.toContain('password_to_change');
    }
  });
});
