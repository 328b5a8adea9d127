import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { startSimulator, type Simulator } from './index';
import { python } from './testing/python';

/**
 * What real clients do, through Python's `xmlrpc.client`: gandi.cli's own call sequences (its
 * `vm update --memory`, `vm migrate` with and without `--finalize`, `account info`) and the
 * documented argument types.
 */
describe('real clients, through Python xmlrpc.client', () => {
  let sim: Simulator;
  beforeEach(async () => {
    // Real timing, sped up: the scripts poll as gandi.cli does and see WAIT/RUN before DONE.
    sim = await startSimulator({ port: 0, memory: true, speed: 40, quiet: true });
  });
  afterEach(() => sim.close());

  const py = (code: string) => python(code, sim.url, DEMO_API_KEY);

  it('raises the memory of a halted VM past vm_max_memory, which follows (gandi.cli computation)', async () => {
    const seen = await py(`
vm = vm_id('web01')
before = api.hosting.vm.info(KEY, vm)
running_fault = fault(api.hosting.vm.update, KEY, vm, {'memory': 4096})
wait(api.hosting.vm.stop(KEY, vm)['id'])
op = wait(api.hosting.vm.update(KEY, vm, {'memory': 4096})['id'])
after = api.hosting.vm.info(KEY, vm)
print(json.dumps({'before': [before['memory'], before['vm_max_memory']], 'running_fault': running_fault,
                  'step': op['step'], 'after': [after['memory'], after['vm_max_memory'], after['state']]}))
`);
    expect(seen).toEqual({
      before: [1024, 2048],
      // Live resizing of a running VM stays limited by vm_max_memory (§8.7).
      running_fault: 530230,
      step: 'DONE',
      // gandi.cli's required_max_memory: max(2 ** ceil(log2(memory)), 2048).
      after: [4096, 4096, 'halted'],
    });
  });

  it("completes gandi.cli's `vm migrate X` and then `vm migrate X --finalize`", async () => {
    const seen = await py(`
dcs = dict((dc['id'], dc['dc_code']) for dc in api.hosting.datacenter.list(KEY))
vm = vm_id('db01')

def start_or_finalize(finalize):
    # gandi.cli commands/vm.py migrate + modules/iaas.py check_can_migrate / need_finalize / migrate
    assert api.hosting.vm.can_migrate(KEY, vm)['can_migrate'], 'cannot migrate'
    if finalize:
        found = api.operation.list(KEY, {'type': 'hosting_migration_vm', 'step': 'RUN', 'vm_id': vm})
        assert len(found) == 1, 'cannot find the migration operation: %r' % found
        assert found[0]['params']['inner_step'] == 'wait_finalize', 'does not need finalization'
    result = api.hosting.vm.migrate(KEY, vm, finalize)
    oper = api.operation.info(KEY, result['id'])
    route = (dcs[oper['params']['from_dc_id']], dcs[oper['params']['to_dc_id']])
    return route, wait(result['id'])['step']

started = start_or_finalize(False)
info = api.hosting.vm.info(KEY, vm)
between = [info['datacenter_id'], info['is_migrating']]
finalized = start_or_finalize(True)
info = api.hosting.vm.info(KEY, vm)
print(json.dumps({'started': started, 'between': between, 'finalized': finalized,
                  'after': [info['datacenter_id'], info['is_migrating'], info['disks'][0]['datacenter_id']],
                  'can_migrate_after': api.hosting.vm.can_migrate(KEY, vm)['can_migrate']}))
`);
    expect(seen).toEqual({
      started: [['FR-SD2', 'FR-SD3'], 'DONE'],
      between: [1, true],
      finalized: [['FR-SD2', 'FR-SD3'], 'DONE'],
      after: [4, false, 4],
      can_migrate_after: false,
    });
  });

  it("answers contact.balance for gandi.cli's `account info`", async () => {
    const seen = await py(`
balance = api.contact.balance(KEY)
prepaid = balance.get('prepaid', {})
account = api.hosting.account.info(KEY)
rating = api.hosting.rating.list(KEY).pop()
usage = sum(sum(r.values()) for r in rating.values() if isinstance(r, dict))
print(json.dumps({'prepaid': '%s %s' % (prepaid['amount'], prepaid['currency']),
                  'credits': account['credits'], 'usage_positive': usage > 0}))
`);
    const { prepaid, credits, usage_positive } = seen as Record<string, unknown>;
    expect(prepaid).toBe('0.0 EUR');
    expect(usage_positive).toBe(true);
    // The seed's 2,335,360 credits, less what a few seconds of its servers cost at speed 40.
    expect(credits).toBeLessThanOrEqual(2335360);
    expect(credits).toBeGreaterThan(2335360 - 2000);
  });

  it("accepts hosting.ip.list {version: '4'} (the documented string) like the integer", async () => {
    const seen = await py(`
def addrs(opts):
    return sorted(ip['ip'] for ip in api.hosting.ip.list(KEY, opts))
print(json.dumps({'str4': addrs({'version': '4'}), 'int4': addrs({'version': 4}),
                  'str6': len(addrs({'version': '6'})), 'count': api.hosting.ip.count(KEY, {'version': '4'}),
                  'bad': fault(api.hosting.ip.list, KEY, {'version': 'four'})}))
`);
    const { str4, int4, str6, count, bad } = seen as Record<string, unknown>;
    expect(str4).toEqual(int4);
    expect((str4 as string[]).length).toBe(2);
    expect((str4 as string[]).every((ip) => /^\d+\.\d+\.\d+\.\d+$/.test(ip))).toBe(true);
    expect(str6).toBe(2);
    expect(count).toBe(2);
    expect(bad).toBe(501010);
  });

  it('refuses to start a VM that has no system disk (CAUSE_NO_DISK)', async () => {
    const seen = await py(`
vm = vm_id('web01')
wait(api.hosting.vm.stop(KEY, vm)['id'])
disk = api.hosting.vm.info(KEY, vm)['disks'][0]['id']
wait(api.hosting.vm.disk_detach(KEY, vm, disk)['id'])
refused = fault(api.hosting.vm.start, KEY, vm)
wait(api.hosting.vm.disk_attach(KEY, vm, disk, {'position': 0})['id'])
started = wait(api.hosting.vm.start(KEY, vm)['id'])['step']
print(json.dumps({'refused': refused, 'started': started, 'state': api.hosting.vm.info(KEY, vm)['state']}))
`);
    expect(seen).toEqual({ refused: 530246, started: 'DONE', state: 'running' });
  });
});
