import { z } from 'zod';
import type { ResourceRef } from '../permission';
import type { CallRule, RuleContext } from './call-rules';
import { catalogueOfCreation } from './catalogue';

/**
 * The Web Accelerator's mutating methods (`hosting.rproxy.*`) for the gate. Load balancers are
 * shared front doors managed like VLANs: owners and admins change them, operators and viewers
 * read (the roles matrix). Every call is tied to the load balancer it changes — named by its first
 * argument, or, for a backend id or a vhost name, read upstream — so a forged id of a load balancer
 * the member may not change is refused, and one that names nothing on the account is refused
 * before it is sent.
 */

const id = z.number().int().positive();
const spec = z.record(z.string(), z.unknown());
const rule = <A>(definition: CallRule<A>) => definition as unknown as CallRule<unknown>;

const createSpec = z.object({ datacenter_id: id, name: z.string().min(1) }).loose();
const dnsSpec = z.object({ datacenter: id, vhost: z.string().min(1) }).loose();

const rproxy = (rproxyId: number): ResourceRef[] => [{ kind: 'rproxy', id: rproxyId }];
/** The load balancer named by the first argument. */
const named = ({ args }: { args: readonly unknown[] }) => rproxy(args[0] as number);

/** A call that changes the load balancer its first argument names. */
const change = <A extends readonly unknown[]>(args: z.ZodType<A>) =>
  rule<A>({ args, permission: 'rproxy.update', touches: named });

/** A call on one backend (by its id): it changes the backend's load balancer. */
const onBackend = rule<[number]>({
  args: z.tuple([id]),
  permission: 'rproxy.update',
  touches: async ({ args: [serverId], reads }) => {
    const backend = await reads.rproxyBackend(serverId);
    return backend ? rproxy(backend.rproxyId) : [];
  },
  catalogue: async ({ args: [serverId], reads }: RuleContext<[number]>) =>
    (await reads.rproxyBackend(serverId)) ? null : `Backend #${serverId} does not exist.`,
});

export const RPROXY_RULES: Readonly<Record<string, CallRule<unknown>>> = {
  'hosting.rproxy.create': rule({
    args: z.tuple([createSpec]),
    permission: 'rproxy.create',
    touches: () => [],
    catalogue: ({ args: [lb], reads }) =>
      catalogueOfCreation(reads, {
        datacenterId: lb.datacenter_id,
        sourceDiskId: null,
        sizeMb: null,
        diskDatacenterId: lb.datacenter_id,
      }),
    // The gate records it as the member's from the operation's `params.rproxy_id`.
    delta: () => ({ rproxies: 1 }),
    quotaField: 'name',
  }),
  'hosting.rproxy.update': change(z.tuple([id, spec])),
  'hosting.rproxy.delete': rule({
    args: z.tuple([id]),
    permission: 'rproxy.delete',
    touches: named,
    isDelete: true,
  }),
  'hosting.rproxy.probe.update': change(z.tuple([id, spec])),
  'hosting.rproxy.probe.enable': change(z.tuple([id])),
  'hosting.rproxy.probe.disable': change(z.tuple([id])),
  'hosting.rproxy.server.create': change(z.tuple([id, spec])),
  'hosting.rproxy.server.delete': onBackend,
  'hosting.rproxy.server.enable': onBackend,
  'hosting.rproxy.server.disable': onBackend,
  'hosting.rproxy.vhost.create': change(z.tuple([id, spec])),
  'hosting.rproxy.vhost.delete': rule<[string]>({
    args: z.tuple([z.string().min(1)]),
    permission: 'rproxy.update',
    touches: async ({ args: [name], reads }) => {
      const vhost = await reads.rproxyVhost(name);
      return vhost ? rproxy(vhost.rproxyId) : [];
    },
    catalogue: async ({ args: [name], reads }) =>
      (await reads.rproxyVhost(name)) ? null : `The vhost ${name} does not exist.`,
  }),
  // The records that validate a domain, asked before its vhost exists: no load balancer yet, so
  // only the role (a change of load balancers) and the datacenter are decided.
  'hosting.rproxy.vhost.get_dns_entries': rule({
    args: z.tuple([dnsSpec]),
    permission: 'rproxy.update',
    touches: () => [],
    catalogue: async ({ args: [dns], reads }) =>
      (await reads.datacenters()).some((dc) => dc.id === dns.datacenter)
        ? null
        : 'That datacenter does not exist.',
  }),
};
