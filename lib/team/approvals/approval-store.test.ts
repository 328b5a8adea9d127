import { describe, expect, it } from 'vitest';
import { freshTestDb } from '../testing/fresh-db';
import { steppingClock, TEST_BACKENDS } from '../testing/test-db';
import { listAudit, verifyWorkspaceAudit } from '../store/audit-store';
import { TeamStore } from '../store/team-store';
import { auditMacKey } from '../audit/chain';
import { ApprovalStore } from './approval-store';

const ENCRYPTION_KEY = Buffer.alloc(32, 5);
const macKey = auditMacKey(ENCRYPTION_KEY);

describe.each(TEST_BACKENDS)(
  'approval store on %s: every transition in the audit chain',
  (backend) => {
    const openDb = freshTestDb(backend);

    async function setup() {
      const opened = await openDb();
      const clock = steppingClock();
      const team = new TeamStore(opened.db, opened.dialect, ENCRYPTION_KEY, clock);
      const { workspace, owner } = await team.createWorkspace({
        name: 'Ops',
        endpointId: 'simulator',
        handle: 'AB1234-GANDI',
        apiKey: 'demoaccount0000000000001',
        ownerEmail: 'owner@example.test',
        ownerPasswordHash: 'scrypt$x',
      });
      const approvals = new ApprovalStore(opened.db, clock.now, (workspaceId, input) =>
        team.appendAudit(workspaceId, input),
      );
      const member = { memberId: 'member-1', memberEmail: 'm@example.test', ip: '10.0.0.7' };
      const admin = { memberId: owner.id, memberEmail: owner.email, ip: '10.0.0.8' };
      const id = await approvals.create(
        workspace.id,
        {
          requestedBy: member.memberId,
          requesterEmail: member.memberEmail,
          action: 'vm.create',
          params: { hostname: 'web1', password: 'Secret-pass-123' },
          why: 'Over the quota of 1 VM.',
        },
        member,
      );
      return { db: opened.db, workspace, approvals, id, admin, member };
    }

    it('writes requested, approved (with reason), executing and done (with operation ids)', async () => {
      const { db, workspace, approvals, id, admin } = await setup();
      const approved = await approvals.apply(
        workspace.id,
        id,
        { type: 'approve', by: admin.memberId, role: 'owner', reason: '  For the launch ' },
        admin,
      );
      expect(approved.ok).toBe(true);
      expect((await approvals.apply(workspace.id, id, { type: 'execute' }, admin)).ok).toBe(true);
      const done = await approvals.apply(
        workspace.id,
        id,
        { type: 'succeeded', operationIds: [501, 502] },
        admin,
      );
      expect(done.ok).toBe(true);

      const entries = (await listAudit(db, workspace.id)).filter((e) =>
        e.action.startsWith('approval.'),
      );
      expect(entries.map((e) => e.action).sort()).toEqual(
        ['approval.approved', 'approval.done', 'approval.executing', 'approval.requested'].sort(),
      );
      const byAction = new Map(entries.map((e) => [e.action, e]));
      const requested = byAction.get('approval.requested');
      expect(requested?.memberId).toBe('member-1');
      expect(requested?.resource).toBe(`approval:${id}`);
      expect(requested?.message).toBe('Over the quota of 1 VM.');
      expect(requested?.params).toContain('web1');
      expect(requested?.params).not.toContain('Secret-pass-123');
      expect(byAction.get('approval.approved')?.message).toBe('For the launch');
      expect(byAction.get('approval.approved')?.memberId).toBe(admin.memberId);
      expect(JSON.parse(byAction.get('approval.done')?.operations ?? '[]')).toEqual([
        { id: 501 },
        { id: 502 },
      ]);
      expect(await verifyWorkspaceAudit(db, workspace.id, macKey)).toMatchObject({
        ok: true,
        count: 4,
      });
    });

    it('writes a rejection with its reason and a failure with its error; a refused move writes nothing', async () => {
      const { db, workspace, approvals, id, admin, member } = await setup();
      const selfApproval = await approvals.apply(
        workspace.id,
        id,
        { type: 'approve', by: member.memberId, role: 'admin', reason: 'mine' },
        member,
      );
      expect(selfApproval.ok).toBe(false);
      await approvals.apply(
        workspace.id,
        id,
        { type: 'reject', by: admin.memberId, role: 'admin', reason: 'Too big' },
        admin,
      );
      const second = await approvals.create(workspace.id, {
        requestedBy: member.memberId,
        requesterEmail: member.memberEmail,
        action: 'vm.delete',
        params: { vm_id: 9 },
        why: 'Policy',
      });
      await approvals.apply(
        workspace.id,
        second,
        { type: 'approve', by: admin.memberId, role: 'owner', reason: 'Fine by me' },
        admin,
      );
      await approvals.apply(workspace.id, second, { type: 'execute' });
      await approvals.apply(workspace.id, second, { type: 'failed', message: 'VM 9 not found' });

      const entries = (await listAudit(db, workspace.id)).filter((e) =>
        e.action.startsWith('approval.'),
      );
      const rejected = entries.find((e) => e.action === 'approval.rejected');
      expect(rejected?.message).toBe('Too big');
      expect(rejected?.result).toBe('ok');
      const failed = entries.find((e) => e.action === 'approval.failed');
      expect(failed).toMatchObject({ result: 'error', message: 'VM 9 not found', memberId: null });
      expect(entries).toHaveLength(6);
      expect(
        entries.some((e) => e.memberId === member.memberId && e.action === 'approval.approved'),
      ).toBe(false);
      const verdict = await verifyWorkspaceAudit(db, workspace.id, macKey);
      expect(verdict.ok).toBe(true);
    });

    it('lists open requests first, oldest first, then the decided ones, newest first', async () => {
      const { workspace, approvals, id: first, admin, member } = await setup();
      const file = (hostname: string) =>
        approvals.create(workspace.id, {
          requestedBy: member.memberId,
          requesterEmail: member.memberEmail,
          action: 'vm.create',
          params: { hostname },
          why: 'Over quota',
        });
      const second = await file('web2');
      const third = await file('web3');
      const fourth = await file('web4');
      for (const decided of [first, third])
        await approvals.apply(
          workspace.id,
          decided,
          { type: 'reject', by: admin.memberId, role: 'owner', reason: 'Not now' },
          admin,
        );
      const ids = (await approvals.list(workspace.id)).map((request) => request.id);
      expect(ids).toEqual([second, fourth, third, first]);
      // A short page keeps the pending ones.
      expect((await approvals.list(workspace.id, undefined, 2)).map((r) => r.id)).toEqual([
        second,
        fourth,
      ]);
      expect((await approvals.list(workspace.id, 'someone-else')).length).toBe(0);
      expect(await approvals.countPending(workspace.id)).toBe(2);
      expect(await approvals.countPending(workspace.id, member.memberId)).toBe(2);
      expect(await approvals.countPending(workspace.id, 'someone-else')).toBe(0);
    });
  },
);
