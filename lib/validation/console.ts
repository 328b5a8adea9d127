/**
 * Rules for the emergency console: switching it on and off (`hosting.vm.update {console}`) and
 * the SSH command to reach it, `ssh <public IPv4>@<console_url>` (reference §8.5, gandi.cli
 * `vm console`). The API tells neither whether a root password is set nor whether the console
 * answers, so the password is stated as a requirement, not checked.
 */
import { z } from 'zod';
import { formCheckbox } from './form';
import { idField, passwordProblem } from './vm';

/** gandi.cli's fallback when `hosting.vm.info` has no `console_url`. */
export const DEFAULT_CONSOLE_HOST = 'console.gandi.net';

/**
 * Enable or disable. Enabling also needs the owner's word that a root password is set: the
 * console logs in with a password only, and the API cannot tell us whether one exists.
 */
export const consoleToggleSchema = z
  .object({
    vm_id: idField,
    enable: z
      .enum(['true', 'false'], { error: 'Choose to enable or disable the console.' })
      .transform((value) => value === 'true'),
    password_set: formCheckbox,
  })
  .superRefine((input, ctx) => {
    if (input.enable && !input.password_set) {
      ctx.addIssue({
        code: 'custom',
        path: ['password_set'],
        message: 'Confirm that a root password is set (or set one below) before enabling.',
      });
    }
  });

/** Setting the root password the console logs in with (`hosting.vm.update {password}`). */
export const rootPasswordSchema = z
  .object({
    vm_id: idField,
    password: z.string().superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    password_confirm: z.string(),
  })
  .superRefine((input, ctx) => {
    if (input.password !== input.password_confirm) {
      ctx.addIssue({
        code: 'custom',
        path: ['password_confirm'],
        message: 'The two passwords differ.',
      });
    }
  });

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

/** The console host from `console_url`, which may come bare or as a URL. Null when unusable. */
export function consoleHost(consoleUrl: string | null): string | null {
  const raw = (consoleUrl ?? '').trim();
  if (raw === '') return DEFAULT_CONSOLE_HOST;
  let host = raw;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    try {
      host = new URL(raw).hostname;
    } catch {
      return null;
    }
  }
  return HOSTNAME.test(host) ? host.toLowerCase() : null;
}

/** `ssh 95.142.160.181@console.gandi.net`, or null when either part is unusable. */
export function consoleCommand(ipv4: string | null, consoleUrl: string | null): string | null {
  if (!ipv4 || !isIpv4(ipv4)) return null;
  const host = consoleHost(consoleUrl);
  return host ? `ssh ${ipv4}@${host}` : null;
}

export interface ConsoleIp {
  ip: string | null;
  version: 4 | 6;
}
export interface ConsoleIface {
  type: string;
  ips: ConsoleIp[] | null;
}

/** The first public IPv4 of the VM, in interface order (gandi.cli takes the first IP too). */
export function publicIpv4(ifaces: readonly ConsoleIface[]): string | null {
  for (const iface of ifaces) {
    if (iface.type !== 'public') continue;
    for (const ip of iface.ips ?? []) {
      if (ip.version === 4 && ip.ip && isIpv4(ip.ip)) return ip.ip;
    }
  }
  return null;
}

export type PrerequisiteStatus = 'met' | 'missing' | 'unknown';

export interface Prerequisite {
  id: 'public-ip' | 'root-password';
  label: string;
  status: PrerequisiteStatus;
  detail: string;
}

/** What must hold for `ssh <ip>@console` to reach a login prompt, and what we know of each. */
export function consolePrerequisites(ifaces: readonly ConsoleIface[]): Prerequisite[] {
  const ip = publicIpv4(ifaces);
  return [
    {
      id: 'public-ip',
      label: 'A public IPv4 address',
      status: ip ? 'met' : 'missing',
      detail: ip
        ? `The console identifies the VM by its public IPv4 address, ${ip}.`
        : 'The console identifies the VM by its public IPv4 address, and this VM has none. Attach a public IPv4 interface first.',
    },
    {
      id: 'root-password',
      label: 'A root password',
      status: 'unknown',
      detail:
        'The console asks for a login and password; SSH keys do not work there. The API does not say whether a password is set: if the VM was created with SSH keys only, set a root password first.',
    },
  ];
}
