import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { GandiError } from '@/lib/gandi';

/**
 * The session and the revoked-key redirect need a Next request; they are replaced here so the
 * helper's own logic (parse, check, map, never throw) is tested in isolation.
 */
const session = vi.hoisted(() => ({
  current: null as null | {
    conn: { endpoint: string; apiKey: string };
    handle: string;
    endpoint: { id: string; label: string };
  },
  revokedCalls: 0,
}));

vi.mock('@/lib/dal/auth', () => ({
  verifySession: async () => session.current,
  handleRevokedKey: async (err: unknown) => {
    if (err instanceof GandiError && err.faultCode === 510150) {
      session.revokedCalls += 1;
      throw Object.assign(new Error('NEXT_REDIRECT'), {
        digest: 'NEXT_REDIRECT;replace;/login?reason=revoked;307;',
      });
    }
  },
}));

const {
  ActionError,
  defineAction,
  defineJsonAction,
  GENERIC_FAILURE_MESSAGE,
  NOT_SIGNED_IN_MESSAGE,
} = await import('./action');

const KEY = 'secretkey000000000000abc';
const schema = z.object({
  hostname: z.string().min(3, 'Too short'),
  memory: z.coerce.number().int().min(256),
});

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries))
    for (const item of [value].flat()) data.append(key, item);
  return data;
}

describe('defineAction', () => {
  beforeEach(() => {
    session.current = {
      conn: { endpoint: 'http://127.0.0.1:1/xmlrpc/', apiKey: KEY },
      handle: 'AB123-GANDI',
      endpoint: { id: 'simulator', label: 'Local simulator' },
    };
    session.revokedCalls = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  it('returns the handler result with the parsed input and the session context', async () => {
    const action = defineAction(schema, async (input, ctx) => ({ ...input, handle: ctx.handle }));
    const state = await action(
      { status: 'idle' },
      form({ hostname: 'web1', memory: '512', $ACTION_ID_x: '' }),
    );
    expect(state).toEqual({
      status: 'ok',
      data: { hostname: 'web1', memory: 512, handle: 'AB123-GANDI' },
    });
  });

  it('returns field errors for invalid input without calling the handler', async () => {
    const handler = vi.fn(async () => 'never');
    const state = await defineAction(schema, handler)(
      { status: 'idle' },
      form({ hostname: 'a', memory: '12' }),
    );
    expect(handler).not.toHaveBeenCalled();
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(state.fieldErrors?.hostname).toEqual(['Too short']);
    expect(state.fieldErrors?.memory?.[0]).toMatch(/256/);
  });

  it('checks the session itself and refuses without one', async () => {
    session.current = null;
    const handler = vi.fn(async () => 'never');
    const state = await defineAction(schema, handler)(
      { status: 'idle' },
      form({ hostname: 'web1', memory: '512' }),
    );
    expect(handler).not.toHaveBeenCalled();
    expect(state).toEqual({ status: 'error', message: NOT_SIGNED_IN_MESSAGE });
  });

  it('maps a GandiError to its user message, and to a field when the fault names one', async () => {
    const fault = new GandiError({
      kind: 'fault',
      method: 'hosting.vm.create_from',
      faultCode: 530238,
      message: 'Error on object : OBJECT_HOSTNAME (CAUSE_BADPARAMETER) [hostname is not valid]',
      secrets: [KEY],
    });
    const state = await defineAction(schema, async () => {
      throw fault;
    })({ status: 'idle' }, form({ hostname: 'web1', memory: '512' }));
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(fault.causeName).toBe('CAUSE_HOSTNAME');
    expect(state).toEqual({
      status: 'error',
      message: 'This hostname is not valid.',
      fieldErrors: { hostname: ['This hostname is not valid.'] },
    });
  });

  it('gives a form-level message when the fault names no field', async () => {
    const state = await defineAction(schema, async () => {
      throw new GandiError({
        kind: 'network',
        method: 'hosting.vm.info',
        message: 'connect ECONNREFUSED',
        endpointHost: '127.0.0.1:1',
      });
    })({ status: 'idle' }, form({ hostname: 'web1', memory: '512' }));
    expect(state).toEqual({
      status: 'error',
      message: 'Cannot reach 127.0.0.1:1: check the endpoint address and your network.',
    });
  });

  it('shows an ActionError as it is', async () => {
    const state = await defineAction(schema, async () => {
      throw new ActionError('Stop the server first.', { memory: ['Needs a reboot'] });
    })({ status: 'idle' }, form({ hostname: 'web1', memory: '512' }));
    expect(state).toEqual({
      status: 'error',
      message: 'Stop the server first.',
      fieldErrors: { memory: ['Needs a reboot'] },
    });
  });

  it('never throws an unexpected error to the browser, and logs it without the key', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
    const state = await defineAction(schema, async () => {
      throw new TypeError('boom');
    })({ status: 'idle' }, form({ hostname: 'web1', memory: '512' }));
    expect(state).toEqual({ status: 'error', message: GENERIC_FAILURE_MESSAGE });
    expect(logged.join('\n')).toContain('boom');
    expect(logged.join('\n')).not.toContain(KEY);
  });

  it('hands a revoked key to handleRevokedKey (which redirects) instead of returning', async () => {
    const revoked = new GandiError({
      kind: 'fault',
      method: 'hosting.vm.info',
      faultCode: 510150,
      message: 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]',
    });
    const action = defineAction(schema, async () => {
      throw revoked;
    });
    await expect(
      action({ status: 'idle' }, form({ hostname: 'web1', memory: '512' })),
    ).rejects.toThrow('NEXT_REDIRECT');
    expect(session.revokedCalls).toBe(1);
  });

  it('lets Next redirects through', async () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), {
      digest: 'NEXT_REDIRECT;push;/vms/1;303;',
    });
    const action = defineAction(schema, async () => {
      throw redirect;
    });
    await expect(
      action({ status: 'idle' }, form({ hostname: 'web1', memory: '512' })),
    ).rejects.toBe(redirect);
  });
});

describe('defineJsonAction', () => {
  beforeEach(() => {
    session.current = {
      conn: { endpoint: 'http://127.0.0.1:1/xmlrpc/', apiKey: KEY },
      handle: 'AB123-GANDI',
      endpoint: { id: 'simulator', label: 'Local simulator' },
    };
  });

  it('validates a plain object', async () => {
    const action = defineJsonAction(
      z.object({ id: z.number().int().positive() }),
      async ({ id }) => id * 2,
    );
    expect(await action({ id: 21 })).toEqual({ status: 'ok', data: 42 });
    const bad = await action({ id: -1 });
    expect(bad.status).toBe('error');
  });
});
