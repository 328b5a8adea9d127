/**
 * Mutations through the XML-RPC endpoint, with Python's xmlrpc.client for each role: every one is
 * decided by the gate (lib/team/gate); a refusal is a Gandi-style fault and changes nothing
 * upstream; a hold files an approval request storing the call; the key is in no answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApprovalStore } from '@/lib/team/approvals/approval-store';
import { executeApproved } from '@/lib/team/approvals/execute';
import { describeRequest } from '@/lib/team/approvals/kinds';
import { requesterConnection } from '@/lib/team/gate/requester-connection';
import { setApprovalPolicy } from '@/lib/team/approvals/policy-store';
import { QuotaStore } from '@/lib/team/quotas/quota-store';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { RateLimiter } from './rate-limit';
import {
  pythonCalls,
  startGateway,
  type GatewayHarness,
  type PythonCall,
  type PythonResult,
} from './testing/harness';

const DC = 3;
const vmSpec = (hostname: string, cores = 1) => ({
  datacenter_id: DC,
  hostname,
  memory: 512,
  cores,
  ip_version: 6,
  bandwidth: 102400.0,
});
const diskSpec = (name: string) => ({ datacenter_id: DC, name, size: 4096 });

const valueOf = <T>(result: PythonResult | undefined): T => {
  if (!result || !('value' in result))
    throw new Error(`expected a value, got ${JSON.stringify(result)}`);
  return result.value as T;
};
const fault = (code: number, cause: string) => ({
  fault: { code, string: expect.stringContaining(`(${cause}) [`) as unknown as string },
});

describe.each(TEST_BACKENDS)(
  'the XML-RPC endpoint on %s: mutations through the gate',
  (backend) => {
    let gw: GatewayHarness;
    let imageDisk = 0;
    /** Two running VMs created outside the portal: nobody's. */
    let foreignVm = 0;
    const bodies: string[] = [];

    /** Calls through the endpoint (and keeps every raw answer for the key check). */
    async function through(calls: PythonCall[]) {
      const run = await pythonCalls(gw.url, calls);
      bodies.push(...run.bodies);
      return run.results;
    }
    /** Calls the simulator with the workspace's own key: the upstream's truth. */
    async function upstream(method: string, args: unknown[] = []) {
      const run = await pythonCalls(gw.sim.url, [{ token: gw.apiKey, method, args }]);
      return valueOf<unknown>(run.results[0]);
    }
    const vmIds = async () =>
      (await upstream('hosting.vm.list')) as { id: number; state: string; cores: number }[];
    async function createVm(who: 'owner' | 'operator', hostname: string, src = imageDisk) {
      const [result] = await through([
        {
          token: gw.tokens[who],
          method: 'hosting.vm.create_from',
          args: [vmSpec(hostname), diskSpec(`${hostname}-sys`), src],
        },
      ]);
      return result!;
    }
    async function vmIdOf(hostname: string) {
      return (await vmIds()).find(
        (vm) => (vm as unknown as { hostname: string }).hostname === hostname,
      )!.id;
    }

    beforeAll(async () => {
      gw = await startGateway(backend);
      const images = (await upstream('hosting.image.list', [{ datacenter_id: DC }])) as {
        disk_id: number;
      }[];
      imageDisk = images[0]!.disk_id;
      foreignVm = (await vmIds())[0]!.id;
    }, 60_000);
    afterAll(() => gw?.close());

    it('lets each role do what it may, and records what a creation makes as the member’s', async () => {
      const created = await createVm('operator', 'opvm1');
      expect(created).toMatchObject({
        value: expect.arrayContaining([expect.objectContaining({ type: 'vm_create' })]),
      });
      const opVm = await vmIdOf('opvm1');
      expect(
        await gw.team.ownsAll(gw.workspaceId, gw.memberIds.operator, [{ kind: 'vm', id: opVm }]),
      ).toBe(true);
      const results = await through([
        { token: gw.tokens.operator, method: 'hosting.vm.stop', args: [opVm] },
        { token: gw.tokens.admin, method: 'hosting.vm.reboot', args: [foreignVm] },
      ]);
      expect(results[0]).toMatchObject({ value: { type: 'vm_stop', step: expect.any(String) } });
      expect(results[1]).toMatchObject({ value: { type: 'vm_reboot' } });
      // The operator sees the operations they started.
      const [ops] = await through([{ token: gw.tokens.operator, method: 'operation.count' }]);
      expect(valueOf<number>(ops)).toBeGreaterThanOrEqual(2);
    });

    it('refuses a viewer’s stop and an operator’s touch of another’s VM, changing nothing upstream', async () => {
      const before = await upstream('hosting.vm.info', [foreignVm]);
      const results = await through([
        { token: gw.tokens.viewer, method: 'hosting.vm.stop', args: [foreignVm] },
        { token: gw.tokens.operator, method: 'hosting.vm.stop', args: [foreignVm] },
        {
          token: gw.tokens.operator,
          method: 'hosting.vm.update',
          args: [foreignVm, { memory: 1024 }],
        },
        {
          token: gw.tokens.viewer,
          method: 'hosting.ssh.create',
          args: [{ name: 'k', value: 'ssh-ed25519 AAAA' }],
        },
      ]);
      expect(results[0]).toEqual(fault(530250, 'CAUSE_NORIGHT'));
      expect(results[1]).toEqual(fault(530250, 'CAUSE_NORIGHT'));
      expect(results[2]).toEqual(fault(530250, 'CAUSE_NORIGHT'));
      expect(results[3]).toEqual(fault(501750, 'CAUSE_NORIGHT'));
      expect(await upstream('hosting.vm.info', [foreignVm])).toEqual(before);
    });

    it('refuses a creation from another member’s disk', async () => {
      expect(await createVm('owner', 'ownervm')).toHaveProperty('value');
      const ownerVm = (await upstream('hosting.vm.info', [await vmIdOf('ownervm')])) as {
        disks: { id: number }[];
      };
      const theirDisk = ownerVm.disks[0]!.id;
      const count = (await vmIds()).length;
      const disks = ((await upstream('hosting.disk.list')) as unknown[]).length;
      const stolen = await createVm('operator', 'exfil', theirDisk);
      expect(stolen).toEqual(fault(530250, 'CAUSE_NORIGHT'));
      expect((await vmIds()).length).toBe(count);
      expect(((await upstream('hosting.disk.list')) as unknown[]).length).toBe(disks);
    });

    it('lets concurrent creations past the quota through only up to the limit', async () => {
      const quotas = new QuotaStore(gw.db.db);
      const owned = (await gw.team.ownersOf(gw.workspaceId, 'vm')).size;
      const operatorVms = [...(await gw.team.ownersOf(gw.workspaceId, 'vm')).values()].filter(
        (member) => member === gw.memberIds.operator,
      ).length;
      await quotas.setLimits(
        gw.workspaceId,
        gw.memberIds.operator,
        { vms: operatorVms + 2 },
        gw.memberIds.owner,
      );
      const before = (await vmIds()).length;
      const results = await through(
        Array.from({ length: 6 }, (_, i) => ({
          token: gw.tokens.operator,
          method: 'hosting.vm.create_from',
          args: [vmSpec(`burst${i}`), diskSpec(`burst${i}-sys`), imageDisk],
          parallel: 'burst',
        })),
      );
      const ok = results.filter((r) => 'value' in r);
      expect(ok).toHaveLength(2);
      for (const r of results.filter((r) => !('value' in r)))
        expect(r).toEqual(fault(530235, 'CAUSE_QUOTA_REACHED'));
      expect((await vmIds()).length).toBe(before + 2);
      expect((await gw.team.ownersOf(gw.workspaceId, 'vm')).size).toBe(owned + 2);
    });

    it('holds a resize past the policy and an operator’s delete under the delete policy as requests; an approved one runs as filed', async () => {
      await setApprovalPolicy(
        gw.workspaceId,
        { aboveCores: 2, operatorDeletes: true },
        gw.memberIds.owner,
      );
      const opVm = await vmIdOf('opvm1');
      const before = (await upstream('hosting.vm.info', [opVm])) as { cores: number };
      const results = await through([
        { token: gw.tokens.operator, method: 'hosting.vm.update', args: [opVm, { cores: 4 }] },
        { token: gw.tokens.operator, method: 'hosting.vm.delete', args: [opVm] },
      ]);
      const approvals = await getApprovalStore();
      const open = await approvals.list(gw.workspaceId);
      const ids = open.map((request) => request.id);
      for (const result of results) {
        expect(result).toEqual(fault(530267, 'CAUSE_PENDING'));
        const text = (result as { fault: { string: string } }).fault.string;
        expect(ids.some((id) => text.includes(id))).toBe(true);
      }
      const stored = open.filter((request) => request.call?.method.startsWith('hosting.vm.'));
      expect(stored.map((request) => request.call)).toEqual(
        expect.arrayContaining([
          { method: 'hosting.vm.update', args: [opVm, { cores: 4 }] },
          { method: 'hosting.vm.delete', args: [opVm] },
        ]),
      );
      expect(await upstream('hosting.vm.info', [opVm])).toMatchObject({ cores: before.cores });

      // An admin approves the resize: it runs as it was filed, decided again by the gate.
      const resize = stored.find((request) => request.call?.method === 'hosting.vm.update')!;
      expect(describeRequest(resize.action, resize.params)).toContain(
        'through the XML-RPC endpoint',
      );
      const decided = await approvals.apply(gw.workspaceId, resize.id, {
        type: 'approve',
        by: gw.memberIds.admin,
        role: 'admin',
        reason: 'fine',
      });
      expect(decided.ok).toBe(true);
      const plain = { endpoint: gw.sim.url, apiKey: gw.apiKey };
      const ran = await executeApproved(
        {
          approvals,
          team: gw.team,
          conn: plain,
          workspaceId: gw.workspaceId,
          gateFor: (request) => requesterConnection(plain, gw.workspaceId, request),
          actor: { memberId: gw.memberIds.admin, memberEmail: 'admin@example.test', ip: null },
        },
        resize.id,
      );
      expect(ran.operations).toHaveLength(1);
      expect(await upstream('hosting.vm.info', [opVm])).toMatchObject({ cores: 4 });
      await setApprovalPolicy(
        gw.workspaceId,
        { aboveCores: null, operatorDeletes: false },
        gw.memberIds.owner,
      );
    });

    it('throttles per token', async () => {
      const saved = gw.deps.limits.perToken;
      gw.deps.limits.perToken = new RateLimiter({ limit: 2, windowMs: 60_000 });
      try {
        const results = await through([
          { token: gw.tokens.viewer, method: 'version.info' },
          { token: gw.tokens.viewer, method: 'version.info' },
          { token: gw.tokens.viewer, method: 'version.info' },
          { token: gw.tokens.admin, method: 'version.info' },
        ]);
        expect(results.map((r) => 'value' in r)).toEqual([true, true, false, true]);
        expect(results[2]).toEqual(fault(510199, 'CAUSE_TOOMANY'));
      } finally {
        gw.deps.limits.perToken = saved;
      }
    });

    it('never put the workspace key in an answer', () => {
      expect(bodies.length).toBeGreaterThan(20);
      for (const body of bodies) expect(body).not.toContain(gw.apiKey);
    });
  },
);
