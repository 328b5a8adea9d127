import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSharedTables } from '@/lib/shared-state/db';
import { SignInThrottle } from '@/lib/shared-state/sign-in-throttle';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { RateLimiter } from './rate-limit';
import { MEMBERS, pythonCalls, startGateway, type GatewayHarness } from './testing/harness';

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml', ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe.each(TEST_BACKENDS)(
  'the XML-RPC endpoint on %s: reads, tokens and the wire',
  (backend) => {
    let gw: GatewayHarness;
    beforeAll(async () => {
      gw = await startGateway(backend);
    }, 60_000);
    afterAll(() => gw?.close());

    it('answers every role’s reads as Gandi does, and never shows the workspace key', async () => {
      const calls = MEMBERS.flatMap((name) => [
        { token: gw.tokens[name], method: 'version.info' },
        { token: gw.tokens[name], method: 'hosting.account.info' },
        { token: gw.tokens[name], method: 'hosting.vm.list' },
        { token: gw.tokens[name], method: 'hosting.datacenter.list' },
        { token: gw.tokens[name], method: 'hosting.image.list', args: [{ datacenter_id: 1 }] },
        // A key-format fault quotes the rejected key: passed through, redacted.
        { token: gw.tokens[name], method: 'hosting.vm.info', args: [999999] },
      ]);
      const { results, bodies } = await pythonCalls(gw.url, calls);
      for (const [index] of MEMBERS.entries()) {
        const [version, account, vms, dcs, images, missing] = results.slice(
          index * 6,
          index * 6 + 6,
        );
        expect(version).toEqual({ value: { api_version: '3.3.37' } });
        expect(account).toMatchObject({ value: { handle: expect.any(String) } });
        expect((vms as { value: unknown[] }).value.length).toBeGreaterThan(0);
        expect((dcs as { value: unknown[] }).value.length).toBeGreaterThan(0);
        expect((images as { value: unknown[] }).value.length).toBeGreaterThan(0);
        // Upstream faults pass through unchanged.
        expect(missing).toMatchObject({ fault: { code: 530242 } });
      }
      expect(bodies.length).toBe(calls.length);
      for (const body of bodies) expect(body).not.toContain(gw.apiKey);
    });

    it('forwards the upstream’s answer byte for byte (a whole-number double stays a double)', async () => {
      const call = (key: string) =>
        `<?xml version="1.0"?><methodCall><methodName>hosting.vm.list</methodName><params><param><value><string>${key}</string></value></param></params></methodCall>`;
      const through = await post(gw.url, call(gw.tokens.viewer));
      const direct = await post(gw.sim.url, call(gw.apiKey));
      expect(through.status).toBe(200);
      expect(through.text).toBe(direct.text);
    });

    it('answers 510150 for unknown, revoked and expired tokens and for a removed member', async () => {
      const extra = await gw.tokenStore.create({
        workspaceId: gw.workspaceId,
        memberId: gw.memberIds.operator2,
        name: 'soon-revoked',
      });
      const before = await pythonCalls(gw.url, [
        { token: extra.token, method: 'hosting.vm.count' },
      ]);
      expect(before.results[0]).toHaveProperty('value');
      await gw.tokenStore.revoke(gw.workspaceId, extra.id);
      const invalid = {
        fault: {
          code: 510150,
          string: 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]',
        },
      };
      const after = await pythonCalls(gw.url, [
        { token: extra.token, method: 'hosting.vm.count' },
        { token: 'abcdefghijklmnopqrstuvwx', method: 'version.info' },
        { token: gw.apiKey, method: 'hosting.vm.list' },
        { token: '', method: 'version.info' },
      ]);
      expect(after.results).toEqual([invalid, invalid, invalid, invalid]);
    });

    it('locks an address out after unknown tokens, good ones included, and throttles per address', async () => {
      const saved = { ...gw.deps.limits };
      const tooMany = { fault: expect.objectContaining({ code: 510199 }) };
      const shared = withSharedTables(gw.db.db);
      // The earlier tests' unknown tokens counted too: this one starts, and leaves, from none.
      const forgetGuesses = () =>
        shared.deleteFrom('sign_in_failures').where('key', 'like', 'xmlrpc-token:%').execute();
      await forgetGuesses();
      try {
        // Guessing tokens: two failures are free, the third locks the address out, whatever
        // token it sends next.
        gw.deps.limits.badTokens = new SignInThrottle(shared, { freeFailures: 2 });
        const guess = { token: 'abcdefghijklmnopqrstuvwx', method: 'version.info' };
        const guessed = await pythonCalls(gw.url, [
          guess,
          guess,
          guess,
          { token: gw.tokens.owner, method: 'version.info' },
          guess,
        ]);
        const invalid = { fault: expect.objectContaining({ code: 510150 }) };
        expect(guessed.results).toEqual([invalid, invalid, invalid, tooMany, tooMany]);

        // Any caller: so many calls per window per address, good token or not.
        gw.deps.limits.badTokens = saved.badTokens;
        await forgetGuesses();
        gw.deps.limits.perAddress = new RateLimiter({ limit: 3, windowMs: 60_000 });
        const calls = MEMBERS.slice(0, 4).map((name) => ({
          token: gw.tokens[name],
          method: 'version.info',
        }));
        const { results } = await pythonCalls(gw.url, calls);
        expect(results.map((result) => 'value' in result)).toEqual([true, true, true, false]);
        expect(results[3]).toEqual(tooMany);
      } finally {
        Object.assign(gw.deps.limits, saved);
        await forgetGuesses();
      }
    });

    it('shows operators and viewers only their own operations; owners and admins all', async () => {
      // Two operations on the account, made with the key itself (outside the portal).
      const vms = await pythonCalls(gw.sim.url, [{ token: gw.apiKey, method: 'hosting.vm.list' }]);
      const vmId = (vms.results[0] as { value: { id: number }[] }).value[0]!.id;
      const made = await pythonCalls(gw.sim.url, [
        { token: gw.apiKey, method: 'hosting.vm.reboot', args: [vmId] },
        { token: gw.apiKey, method: 'hosting.vm.reboot', args: [vmId] },
      ]);
      const ops = made.results.map((r) => (r as { value: { id: number } }).value);
      expect(ops.length).toBeGreaterThan(1);
      await gw.team.recordOwner(
        gw.workspaceId,
        { kind: 'operation', id: ops[0]!.id },
        gw.memberIds.operator,
      );
      const { results } = await pythonCalls(gw.url, [
        { token: gw.tokens.operator, method: 'operation.list' },
        { token: gw.tokens.operator, method: 'operation.count', args: [{}] },
        { token: gw.tokens.operator, method: 'operation.info', args: [ops[0]!.id] },
        { token: gw.tokens.operator, method: 'operation.info', args: [ops[1]!.id] },
        { token: gw.tokens.operator, method: 'operation.list', args: [{ id: [ops[1]!.id] }] },
        { token: gw.tokens.viewer, method: 'operation.count' },
        { token: gw.tokens.admin, method: 'operation.count' },
      ]);
      expect((results[0] as { value: { id: number }[] }).value.map((op) => op.id)).toEqual([
        ops[0]!.id,
      ]);
      expect(results[1]).toEqual({ value: 1 });
      expect(results[2]).toMatchObject({ value: { id: ops[0]!.id } });
      expect(results[3]).toEqual({
        fault: {
          code: 510250,
          string:
            'Error on object : OBJECT_OPERATION (CAUSE_NORIGHT) [This operation is not one of yours]',
        },
      });
      expect(results[4]).toEqual({ value: [] });
      expect(results[5]).toEqual({ value: 0 });
      expect((results[6] as { value: number }).value).toBeGreaterThan(1);
    });

    it('answers bad requests as the simulator does, and audits every call with the token’s name', async () => {
      const garbage = await post(gw.url, '<methodCall><methodName>x');
      const simGarbage = await post(gw.sim.url, '<methodCall><methodName>x');
      expect(garbage).toEqual(simGarbage);
      expect(garbage.text).toContain('<int>-32700</int>');
      const unknown = await pythonCalls(gw.url, [
        { token: gw.tokens.owner, method: 'hosting.account.credit', args: [{}] },
      ]);
      expect(unknown.results[0]).toEqual({
        fault: { code: 1, string: 'Method "hosting.account.credit" is not supported' },
      });
      const huge = await post(gw.url, ' '.repeat(1024 * 1024 + 1));
      expect(huge.status).toBe(413);
      const get = await fetch(gw.url);
      expect(get.status).toBe(405);
      const entries = await gw.db.db
        .selectFrom('audit')
        .select(['action', 'params', 'member_email', 'result'])
        .where('workspace_id', '=', gw.workspaceId)
        .where('action', '=', 'xmlrpc.hosting.vm.list')
        .execute();
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.map((e) => JSON.parse(e.params).via)).toContain('token viewer-cli');
      const allParams = await gw.db.db.selectFrom('audit').select('params').execute();
      for (const row of allParams) expect(row.params).not.toContain(gw.tokens.owner);
    });
  },
);
