import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs a Python 3 snippet (arguments in `sys.argv[1:]`) and parses the JSON it prints: tests that
 * are about the wire go through Python's own `xmlrpc.client`, the library gandi.cli is built on.
 * A snippet imports what it needs; `PY_PRELUDE` has the usual imports and helpers.
 */
export async function python(code: string, ...args: string[]): Promise<unknown> {
  const { stdout } = await run('python3', ['-c', PY_PRELUDE + code, ...args], {
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

export const PY_PRELUDE = `
import json, sys, time, xmlrpc.client
URL, KEY = sys.argv[1], sys.argv[2]
api = xmlrpc.client.ServerProxy(URL, allow_none=True, use_datetime=True)

def fault(fn, *args):
    try:
        fn(*args)
    except xmlrpc.client.Fault as f:
        return f.faultCode
    raise AssertionError('no fault')

def wait(op_id, timeout=20):
    """gandi.cli's display_progress: poll operation.info until the step is final."""
    deadline = time.time() + timeout
    while True:
        op = api.operation.info(KEY, op_id)
        if op['step'] in ('DONE', 'ERROR', 'CANCEL', 'SUPPORT'):
            return op
        if time.time() > deadline:
            raise AssertionError('operation %d stuck in %s' % (op_id, op['step']))
        time.sleep(0.02)

def vm_id(hostname):
    return api.hosting.vm.list(KEY, {'hostname': hostname})[0]['id']
`;
