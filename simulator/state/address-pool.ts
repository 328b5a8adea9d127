import { NETWORK } from './catalog';
import type { Sim } from './sim';
import type { IpRec } from './types';

/**
 * Public addresses come from per-datacenter pools that never hand out an address in use: a
 * persisted cursor per (datacenter, version) walks the pool, skipping addresses some IP holds
 * (the store indexes them), and wraps around, so released addresses come back only after the
 * whole pool has been used once.
 */

const HOSTS_PER_BLOCK = 254 * 254; // .1–.254 in the third and fourth octets of a /16
const MAC_SPACE = 2 ** 24; // the three free bytes of a Xen MAC 00:16:3e:xx:xx:xx

function network(datacenterId: number) {
  return NETWORK[datacenterId] ?? NETWORK[4]!;
}

function ipv4At(datacenterId: number, index: number): { ip: string; reverse: string } {
  const net = network(datacenterId);
  const block = Math.floor(index / HOSTS_PER_BLOCK);
  const n = index % HOSTS_PER_BLOCK;
  const o3 = Math.floor(n / 254) + 1;
  const o4 = (n % 254) + 1;
  const prefix = net.v4[block]!;
  // The recorded names (`xvm-170-44.dc0.ghst.net`) for the first block; the second octet keeps
  // the names of the other blocks apart.
  const name = block === 0 ? `${o3}-${o4}` : `${prefix.split('.')[1]}-${o3}-${o4}`;
  return { ip: `${prefix}.${o3}.${o4}`, reverse: `xvm-${name}.${net.tag}.ghst.net` };
}

function ipv6At(datacenterId: number, index: number): { ip: string; reverse: string } {
  const net = network(datacenterId);
  // An odd multiplier permutes the 24-bit space: distinct, random-looking MACs (SLAAC/EUI-64).
  const mac = Math.imul(index, 0x9e3779b1) & (MAC_SPACE - 1);
  const hi = ((mac >>> 16) & 0xff).toString(16).padStart(2, '0');
  const lo = (mac & 0xffff).toString(16);
  return {
    ip: `${net.v6}:216:3eff:fe${hi}:${lo}`,
    reverse: `xvm6-${net.tag}-fe${hi}-${lo}.ghst.net`,
  };
}

export function poolSize(datacenterId: number, version: 4 | 6): number {
  return version === 4 ? network(datacenterId).v4.length * HOSTS_PER_BLOCK : MAC_SPACE;
}

/** Gives a public IP the next free address (and its reverse name) of its datacenter's pool. */
export function allocatePublicAddress(sim: Sim, ip: IpRec): void {
  const { store } = sim;
  const at = ip.version === 4 ? ipv4At : ipv6At;
  const key = `v${ip.version}:${ip.datacenterId}`;
  const size = poolSize(ip.datacenterId, ip.version);
  let index = store.poolCursor(key) % size;
  for (let tried = 0; tried < size; tried++) {
    const candidate = at(ip.datacenterId, index);
    index = (index + 1) % size;
    if (store.addressInUse(candidate.ip) && candidate.ip !== ip.ip) continue;
    store.setPoolCursor(key, index);
    ip.ip = candidate.ip;
    ip.reverse = candidate.reverse;
    return;
  }
  throw new Error(`the IPv${ip.version} pool of datacenter ${ip.datacenterId} is exhausted`);
}
