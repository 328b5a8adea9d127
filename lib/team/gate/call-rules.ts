import { z } from 'zod';
import type { PriceTable } from '@/lib/cost/estimate';
import type { ResourceRef } from '../permission';
import {
  creationDelta,
  diskGrowDelta,
  newDiskDelta,
  publicIpDelta,
  resizeDelta,
  type QuotaDelta,
} from '../quotas/quota-model';
import type { TeamAction } from '../roles';
import { catalogueOfCreation, sourceOf, type CreationSpec } from './catalogue';
import { RPROXY_RULES } from './rproxy-rules';
import type { GateReads } from './gate-types';

/**
 * What every mutating XML-RPC method of the client means to the portal: the permission it needs,
 * the objects it touches, what it adds to the quotas, what the policy may hold and what the
 * catalogue must allow. The gate (`decide.ts`) applies these; a method missing here is refused
 * (fail closed), and `mutators.test.ts` fails for any client mutator this table does not know.
 */

const id = z.number().int().positive();
const spec = z.record(z.string(), z.unknown());
type IdAndSpec = [number, Record<string, unknown>];
const args = <T extends [z.ZodType, ...z.ZodType[]]>(...items: T) => z.tuple(items);

export interface RuleContext<A> {
  args: A;
  reads: GateReads;
}

export interface CallRule<A = never> {
  args: z.ZodType<A>;
  permission: TeamAction | ((args: A) => TeamAction);
  /** Existing objects the call acts on or reads (the source disk of a copy included). */
  touches(ctx: RuleContext<A>): Promise<ResourceRef[]> | ResourceRef[];
  /** SSH keys it installs (they must exist on the account). */
  sshKeys?(args: A): number[];
  /** A problem with the catalogue (datacenter, source, sizes), in words; null = fine. */
  catalogue?(ctx: RuleContext<A>): Promise<string | null>;
  delta?(ctx: RuleContext<A>, prices: PriceTable | null): Promise<QuotaDelta> | QuotaDelta;
  /** Cores the policy's "above N cores" rule compares (creations, and resizes that add cores). */
  policyCores?(ctx: RuleContext<A>): Promise<number | null> | number | null;
  /** A delete, which the policy may hold for operators. */
  isDelete?: boolean;
  /** The form field a quota refusal is shown next to. */
  quotaField?: string | ((args: A) => string | undefined);
}

const vmSpec = z
  .object({
    datacenter_id: id,
    hostname: z.string().min(1),
    memory: z.number().int().positive(),
    cores: z.number().int().positive().optional(),
    ip_version: z.union([z.literal(4), z.literal(6)]).optional(),
    // 0 stands for a private interface created first (`NEW_PRIVATE_IFACE`).
    iface_id: z.number().int().nonnegative().optional(),
    sys_disk_id: id.optional(),
    keys: z.array(id).optional(),
  })
  .loose();
const diskSpec = z
  .object({
    datacenter_id: id.optional(),
    name: z.string().optional(),
    size: z.number().int().positive().optional(),
    type: z.enum(['data', 'snapshot']).optional(),
  })
  .loose();
const ifaceSpec = z
  .object({ datacenter_id: id, ip_version: z.union([z.literal(4), z.literal(6)]).optional() })
  .loose();

/** The object named by the first argument (`vm.start(vm_id)`, `disk.update(disk_id, …)`). */
const one =
  (kind: ResourceRef['kind']) =>
  (ctx: { args: readonly unknown[] }): ResourceRef[] => [{ kind, id: ctx.args[0] as number }];
const refs = (...list: (ResourceRef | null | undefined)[]) =>
  list.filter((ref): ref is ResourceRef => ref !== null && ref !== undefined);

function rule<A>(definition: CallRule<A>): CallRule<unknown> {
  return definition as unknown as CallRule<unknown>;
}

/** A VM made by `vm.create` (existing system disk) or `vm.create_from` (a copy of a source). */
function vmCreation(
  vm: z.infer<typeof vmSpec>,
  disk: z.infer<typeof diskSpec> | null,
  srcDiskId: number | null,
): CreationSpec {
  return {
    datacenterId: vm.datacenter_id,
    sourceDiskId: srcDiskId,
    sizeMb: disk?.size ?? null,
    cores: vm.cores ?? 1,
    memoryMb: vm.memory,
    diskDatacenterId: disk?.datacenter_id ?? vm.datacenter_id,
  };
}

const vmIpv4 = (vm: z.infer<typeof vmSpec>) =>
  vm.iface_id === undefined && (vm.ip_version ?? 4) === 4 ? 1 : 0;
const vmIpv6 = (vm: z.infer<typeof vmSpec>) => (vm.iface_id === undefined ? 1 : 0);

export const CALL_RULES: Readonly<Record<string, CallRule<unknown>>> = {
  'hosting.vm.create': rule({
    args: args(vmSpec),
    permission: 'vm.create',
    touches: ({ args: [vm] }) =>
      refs(
        vm.sys_disk_id ? { kind: 'disk', id: vm.sys_disk_id } : null,
        vm.iface_id ? { kind: 'iface', id: vm.iface_id } : null,
      ),
    sshKeys: ([vm]) => vm.keys ?? [],
    catalogue: ({ args: [vm], reads }) => catalogueOfCreation(reads, vmCreation(vm, null, null)),
    delta: ({ args: [vm] }, prices) =>
      creationDelta(
        {
          cores: vm.cores ?? 1,
          memoryMb: vm.memory,
          diskMb: 0,
          ipv4: vmIpv4(vm),
          ipv6: vmIpv6(vm),
        },
        prices,
      ),
    policyCores: ({ args: [vm] }) => vm.cores ?? 1,
  }),
  'hosting.vm.create_from': rule({
    args: args(vmSpec, diskSpec, id),
    permission: 'vm.create',
    touches: async ({ args: [vm, , src], reads }) =>
      refs(
        (await sourceOf(reads, src, vm.datacenter_id)).kind === 'image'
          ? null
          : { kind: 'disk', id: src },
        vm.iface_id ? { kind: 'iface', id: vm.iface_id } : null,
      ),
    sshKeys: ([vm]) => vm.keys ?? [],
    catalogue: ({ args: [vm, disk, src], reads }) =>
      catalogueOfCreation(reads, vmCreation(vm, disk, src)),
    delta: async ({ args: [vm, disk, src], reads }, prices) => {
      const source = await sourceOf(reads, src, vm.datacenter_id);
      const diskMb = disk.size ?? source.sizeMb ?? 0;
      const spec = { cores: vm.cores ?? 1, memoryMb: vm.memory, diskMb };
      return creationDelta({ ...spec, ipv4: vmIpv4(vm), ipv6: vmIpv6(vm) }, prices);
    },
    policyCores: ({ args: [vm] }) => vm.cores ?? 1,
  }),
  'hosting.vm.update': rule<IdAndSpec>({
    args: args(id, spec),
    permission: 'vm.update',
    touches: one('vm'),
    delta: async ({ args: [vmId, change], reads }, prices) => {
      if (change.cores === undefined && change.memory === undefined) return {};
      const vm = await reads.vm(vmId);
      if (!vm) return {};
      const next = {
        cores: typeof change.cores === 'number' ? change.cores : vm.cores,
        memoryMb: typeof change.memory === 'number' ? change.memory : vm.memory,
      };
      return resizeDelta({ cores: vm.cores, memoryMb: vm.memory, state: vm.state }, next, prices);
    },
    policyCores: async ({ args: [vmId, change], reads }) => {
      if (typeof change.cores !== 'number') return null;
      const vm = await reads.vm(vmId);
      // Only growing is held: shrinking back below the policy's line needs nobody's approval.
      return vm && change.cores > vm.cores ? change.cores : null;
    },
  }),
  'hosting.vm.start': rule({ args: args(id), permission: 'vm.start', touches: one('vm') }),
  'hosting.vm.stop': rule({ args: args(id), permission: 'vm.stop', touches: one('vm') }),
  'hosting.vm.reboot': rule({ args: args(id), permission: 'vm.reboot', touches: one('vm') }),
  'hosting.vm.delete': rule({
    args: args(id),
    permission: 'vm.delete',
    touches: one('vm'),
    isDelete: true,
  }),
  'hosting.vm.migrate': rule({
    args: args(id, z.boolean()),
    permission: 'vm.migrate',
    touches: one('vm'),
  }),
  'hosting.vm.disk_attach': rule({
    args: z.union([args(id, id), args(id, id, spec)]),
    permission: 'disk.attach',
    touches: ({ args: [vmId, diskId] }) => [
      { kind: 'vm', id: vmId },
      { kind: 'disk', id: diskId },
    ],
  }),
  'hosting.vm.disk_detach': rule({
    args: args(id, id),
    permission: 'disk.detach',
    touches: ({ args: [vmId, diskId] }) => [
      { kind: 'vm', id: vmId },
      { kind: 'disk', id: diskId },
    ],
  }),
  'hosting.vm.iface_attach': rule({
    args: args(id, id),
    permission: 'iface.attach',
    touches: ({ args: [vmId, ifaceId] }) => [
      { kind: 'vm', id: vmId },
      { kind: 'iface', id: ifaceId },
    ],
    // No quota delta: the interface's address was counted when the interface was created.
  }),
  'hosting.vm.iface_detach': rule({
    args: args(id, id),
    permission: 'iface.detach',
    touches: ({ args: [vmId, ifaceId] }) => [
      { kind: 'vm', id: vmId },
      { kind: 'iface', id: ifaceId },
    ],
  }),
  'hosting.disk.create': rule({
    args: args(diskSpec.extend({ datacenter_id: id, size: z.number().int().positive() })),
    permission: 'disk.create',
    touches: () => [],
    catalogue: ({ args: [disk], reads }) =>
      catalogueOfCreation(reads, {
        datacenterId: disk.datacenter_id,
        sourceDiskId: null,
        sizeMb: disk.size,
        diskDatacenterId: disk.datacenter_id,
      }),
    delta: ({ args: [disk] }, prices) => newDiskDelta(disk.size, prices),
    quotaField: 'size_gb',
  }),
  'hosting.disk.create_from': rule({
    args: args(diskSpec.extend({ datacenter_id: id }), id),
    permission: ([disk]) => (disk.type === 'snapshot' ? 'disk.snapshot' : 'disk.create'),
    touches: async ({ args: [disk, src], reads }) =>
      (await sourceOf(reads, src, disk.datacenter_id)).kind === 'image'
        ? []
        : [{ kind: 'disk', id: src }],
    catalogue: ({ args: [disk, src], reads }) =>
      catalogueOfCreation(reads, {
        datacenterId: disk.datacenter_id,
        sourceDiskId: src,
        sizeMb: disk.size ?? null,
        diskDatacenterId: disk.datacenter_id,
      }),
    delta: async ({ args: [disk, src], reads }, prices) =>
      newDiskDelta(
        disk.size ?? (await sourceOf(reads, src, disk.datacenter_id)).sizeMb ?? 0,
        prices,
      ),
    // A snapshot's form has no size: its refusal is shown for the whole form.
    quotaField: ([disk]) => (disk.type === 'snapshot' ? undefined : 'size_gb'),
  }),
  'hosting.disk.update': rule<IdAndSpec>({
    args: args(id, spec),
    permission: 'disk.update',
    touches: one('disk'),
    delta: async ({ args: [diskId, change], reads }, prices) => {
      if (typeof change.size !== 'number') return {};
      const disk = await reads.disk(diskId);
      return disk ? diskGrowDelta(disk.size, change.size, prices) : {};
    },
    quotaField: 'size_gb',
  }),
  'hosting.disk.delete': rule({
    args: args(id),
    permission: 'disk.delete',
    touches: one('disk'),
    isDelete: true,
  }),
  'hosting.disk.rollback_from': rule({
    args: args(id),
    permission: 'disk.rollback',
    touches: one('disk'),
  }),
  'hosting.disk.migrate': rule({
    args: args(id, id),
    permission: 'disk.migrate',
    touches: one('disk'),
    catalogue: async ({ args: [, target], reads }) => {
      const dc = (await reads.datacenters()).find((candidate) => candidate.id === target);
      return dc ? null : 'That datacenter does not exist.';
    },
  }),
  'hosting.iface.create': rule({
    args: args(ifaceSpec),
    permission: 'iface.create',
    touches: () => [],
    catalogue: ({ args: [iface], reads }) =>
      catalogueOfCreation(reads, {
        datacenterId: iface.datacenter_id,
        sourceDiskId: null,
        sizeMb: null,
        diskDatacenterId: iface.datacenter_id,
      }),
    delta: ({ args: [iface] }, prices) =>
      iface.vlan === undefined
        ? publicIpDelta((iface.ip_version ?? 4) === 4 ? 'dual' : 'ipv6', prices)
        : {},
    quotaField: 'ip_mode',
  }),
  'hosting.iface.update': rule({
    args: args(id, spec),
    permission: 'iface.update',
    touches: one('iface'),
  }),
  'hosting.iface.delete': rule({
    args: args(id),
    permission: 'iface.delete',
    touches: one('iface'),
    isDelete: true,
  }),
  'hosting.ip.update': rule({ args: args(id, spec), permission: 'ip.update', touches: one('ip') }),
  'hosting.vlan.create': rule({ args: args(spec), permission: 'vlan.create', touches: () => [] }),
  'hosting.vlan.update': rule({
    args: args(id, spec),
    permission: 'vlan.update',
    touches: one('vlan'),
  }),
  'hosting.vlan.delete': rule({ args: args(id), permission: 'vlan.delete', touches: one('vlan') }),
  'hosting.ssh.create': rule({ args: args(spec), permission: 'ssh.create', touches: () => [] }),
  'hosting.ssh.delete': rule({ args: args(id), permission: 'ssh.delete', touches: one('ssh') }),
  // The Web Accelerator (`rproxy-rules.ts`).
  ...RPROXY_RULES,
  'operation.cancel': rule({
    args: args(id),
    permission: 'operation.cancel',
    touches: one('operation'),
  }),
};

export function callRule(method: string): CallRule<unknown> | null {
  return Object.hasOwn(CALL_RULES, method) ? (CALL_RULES[method] ?? null) : null;
}
