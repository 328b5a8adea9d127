import { SEED_ACCOUNTS, DEMO_API_KEY, OTHER_API_KEY } from '../accounts';
import { md5Fingerprint } from './ids';
import { provisionRunningVm } from './provision';
import { Sim } from './sim';
import type { AccountRec } from './types';

const DAY_MS = 86_400_000;

/** A demo SSH public key (ed25519; not anyone's real key). */
export const DEMO_SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGRlbW9rZXlkZW1va2V5ZGVtb2tleWRlbW9rZXkx demo@gandi-sim';

/**
 * Fills an empty state: the three contract accounts; the demo one with two running VMs (one in
 * FR-SD3, one in the closing FR-SD2 so that migration can be tried) and an SSH key; the other
 * one with a VM and a key of its own. Dates come from the clock, so the same clock gives the same
 * state byte for byte.
 */
export function seed(sim: Sim): void {
  const now = sim.now();
  for (const def of SEED_ACCOUNTS) {
    const account: AccountRec = {
      id: sim.store.nextId('account'),
      apiKey: def.apiKey,
      handle: def.handle,
      fullname: def.fullname,
      credits: def.credits,
      cycleDay: new Date(now).getUTCDate(),
      billedAt: now,
      dateCreditsExpiration: def.credits > 0 ? now + 365 * DAY_MS : null,
    };
    sim.store.put('account', account);
  }
  const demo = sim.accountByKey(DEMO_API_KEY)!;
  provisionRunningVm(sim, demo.id, {
    hostname: 'web01',
    datacenterId: 4,
    memory: 1024,
    cores: 1,
    imageLabel: 'Debian 9',
  });
  provisionRunningVm(sim, demo.id, {
    hostname: 'db01',
    datacenterId: 1,
    memory: 2048,
    cores: 2,
    imageLabel: 'Ubuntu 10.04',
  });
  addKey(sim, demo.id, 'demo', DEMO_SSH_KEY);
  const other = sim.accountByKey(OTHER_API_KEY)!;
  provisionRunningVm(sim, other.id, {
    hostname: 'other01',
    datacenterId: 5,
    memory: 512,
    cores: 1,
    imageLabel: 'CentOS 7',
  });
  addKey(sim, other.id, 'other', DEMO_SSH_KEY.replace('demo@gandi-sim', 'other@gandi-sim'));
}

function addKey(sim: Sim, accountId: number, name: string, value: string): void {
  const body = value.split(' ')[1] ?? '';
  sim.store.put('ssh', {
    id: sim.store.nextId('ssh'),
    accountId,
    name,
    fingerprint: md5Fingerprint(body),
    value,
  });
}
