"""Replays the example session of the Gandi Hosting API overview
(../shared/seed/gandi-hosting-api-overview.txt) with Python's standard xmlrpc.client, the way
gandi.cli connects (allow_none=True, use_datetime=True). Prints one JSON object with what it saw;
any fault or unexpected shape raises and exits non-zero.

usage: python3 seed_session.py URL APIKEY
"""
import datetime
import json
import sys
import time
import xmlrpc.client


def wait(api, apikey, op_id, timeout=30.0):
    """Polls operation.info until the operation is final, as the overview advises."""
    steps = []
    deadline = time.time() + timeout
    while True:
        op = api.operation.info(apikey, op_id)
        if not steps or steps[-1] != op['step']:
            steps.append(op['step'])
        if op['step'] in ('DONE', 'ERROR', 'CANCEL'):
            return op, steps
        if time.time() > deadline:
            raise RuntimeError('operation %d stuck in %s' % (op_id, op['step']))
        time.sleep(0.05)


def main():
    url, apikey = sys.argv[1], sys.argv[2]
    api = xmlrpc.client.ServerProxy(url, allow_none=True, use_datetime=True)
    seen = {}

    version = api.version.info(apikey)
    seen['api_version'] = version['api_version']

    account = api.hosting.account.info(apikey)
    seen['rating_enabled'] = account['rating_enabled']

    myvm_description = {
        'hostname': 'myvm',
        'memory': 512,
        'cores': 1,
        'datacenter': 'France',
        'disks': ['sys_myvm'],
        'ifaces': {'ip_version': 4, 'bandwidth': 102400.0},
    }
    fr_datacenters = [dc for dc in api.hosting.datacenter.list(apikey)
                      if dc['country'].lower() == myvm_description['datacenter'].lower()]
    dc_id = fr_datacenters[0]['id']
    seen['dc_id'] = dc_id
    seen['fr_datacenters'] = [dc['name'] for dc in fr_datacenters]

    images = api.hosting.image.list(apikey, {'datacenter_id': dc_id})
    assert all(isinstance(i['date_updated'], datetime.datetime) for i in images)
    ubuntu_images = [x for x in images if x['label'].lower().startswith('ubuntu')]
    seen['ubuntu_labels'] = [x['label'] for x in ubuntu_images]
    chosen = list(filter(lambda x: '10.04' in x['label'], ubuntu_images))
    src_disk_id = chosen[0]['disk_id']
    seen['src_disk_id'] = src_disk_id

    disk_spec = {'datacenter_id': dc_id, 'name': myvm_description['disks'][0]}
    vm_spec = {
        'datacenter_id': dc_id,
        'hostname': myvm_description['hostname'],
        'memory': myvm_description['memory'],
        'cores': myvm_description['cores'],
        'ip_version': myvm_description['ifaces']['ip_version'],
        'bandwidth': myvm_description['ifaces']['bandwidth'],
        'password': 'password_to_change',
    }
    op = api.hosting.vm.create_from(apikey, vm_spec, disk_spec, src_disk_id)
    seen['create_types'] = [o['type'] for o in op]
    seen['create_steps'] = [o['step'] for o in op]

    op2, steps = wait(api, apikey, op[2]['id'])
    seen['vm_create_steps'] = steps
    vm_id = op2['params']['vm_id']
    seen['vm_id_matches'] = vm_id == op[2]['vm_id']

    vm = api.hosting.vm.info(apikey, vm_id)
    seen['vm_state'] = vm['state']
    seen['vm_max_memory'] = vm['vm_max_memory']
    seen['ip_versions'] = [ip['version'] for ip in vm['ifaces'][0]['ips']]
    seen['system_disk'] = {'name': vm['disks'][0]['name'], 'label': vm['disks'][0]['label'],
                           'is_boot_disk': vm['disks'][0]['is_boot_disk']}

    op = api.hosting.vm.update(apikey, vm['id'], {'memory': 1024})
    seen['update'] = wait(api, apikey, op['id'])[0]['step']
    seen['memory_after_update'] = api.hosting.vm.info(apikey, vm_id)['memory']

    states = []
    for action in ('stop', 'start', 'reboot'):
        op = getattr(api.hosting.vm, action)(apikey, vm_id)
        final, _ = wait(api, apikey, op['id'])
        states.append([action, final['step'], api.hosting.vm.info(apikey, vm_id)['state']])
    seen['lifecycle'] = states

    wait(api, apikey, api.hosting.vm.stop(apikey, vm_id)['id'])
    op = api.hosting.vm.delete(apikey, vm_id)
    seen['delete'] = wait(api, apikey, op['id'])[0]['step']
    seen['vm_left'] = [v['id'] for v in api.hosting.vm.list(apikey) if v['id'] == vm_id]
    try:
        api.hosting.vm.info(apikey, vm_id)
        seen['info_after_delete'] = 'no fault'
    except xmlrpc.client.Fault as fault:
        seen['info_after_delete'] = fault.faultCode

    print(json.dumps(seen))


if __name__ == '__main__':
    main()
