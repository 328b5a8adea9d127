import 'server-only';
import type { ActionContext } from '@/lib/action';
import type { PriceTable } from '@/lib/cost/estimate';
import type { QuotaDelta } from './quota-model';

/**
 * Quota checks for the create and resize actions. Personal sessions return at once without
 * loading anything of the team storage; team members are checked before the mutating call.
 */

export async function checkCreationQuota(
  ctx: ActionContext,
  spec: { cores: number; memoryMb: number; diskMb: number; ipv4: number; ipv6: number },
): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const [{ enforceQuota }, { creationDelta }] = await Promise.all([
    import('./enforce'),
    import('./quota-model'),
  ]);
  await enforceQuota(ctx, principal, (prices: PriceTable | null) => creationDelta(spec, prices));
}

export async function checkResizeQuota(
  ctx: ActionContext,
  vmId: number,
  next: { cores: number; memoryMb: number },
): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const [{ enforceQuota }, { resizeDelta }, { vmInfo }] = await Promise.all([
    import('./enforce'),
    import('./quota-model'),
    import('@/lib/gandi'),
  ]);
  await enforceQuota(ctx, principal, async (prices): Promise<QuotaDelta> => {
    const vm = await vmInfo(ctx.conn, vmId);
    return resizeDelta({ cores: vm.cores, memoryMb: vm.memory, state: vm.state }, next, prices);
  });
}

/** A new load balancer counts one against the `rproxies` limit (shown on the name field). */
export async function checkRproxyQuota(ctx: ActionContext): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const { enforceQuota } = await import('./enforce');
  await enforceQuota(ctx, principal, () => ({ rproxies: 1 }), 'name');
}

const MB_PER_GB = 1024;

/**
 * A new disk — empty, a copy of a disk or an image (its size when none is given), or a snapshot —
 * counts its whole size. `sizeMbOf` reads the source only when a limit is set.
 */
export async function checkNewDiskQuota(
  ctx: ActionContext,
  sizeMbOf: () => Promise<number>,
  field?: string,
): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const [{ enforceQuota }, { newDiskDelta }] = await Promise.all([
    import('./enforce'),
    import('./quota-model'),
  ]);
  await enforceQuota(
    ctx,
    principal,
    async (prices) => newDiskDelta(await sizeMbOf(), prices),
    field,
  );
}

/** The size of a disk the create form asks for (before the create call). */
export async function newDiskSizeMb(
  ctx: ActionContext,
  input: {
    source: 'empty' | 'disk' | 'image';
    size_gb?: number | undefined;
    src_disk_id?: number | undefined;
    image_disk_id?: number | undefined;
  },
): Promise<number> {
  if (input.size_gb !== undefined) return input.size_gb * MB_PER_GB;
  const { diskInfo, imageList } = await import('@/lib/gandi');
  if (input.source === 'disk' && input.src_disk_id !== undefined)
    return (await diskInfo(ctx.conn, input.src_disk_id)).size;
  if (input.source === 'image') {
    const image = (await imageList(ctx.conn)).find((i) => i.diskId === input.image_disk_id);
    return image?.size ?? 0;
  }
  return 0;
}

/** Growing a disk counts only the growth. */
export async function checkDiskResizeQuota(
  ctx: ActionContext,
  diskId: number,
  sizeGb: number,
): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const [{ enforceQuota }, { diskGrowDelta }, { diskInfo }] = await Promise.all([
    import('./enforce'),
    import('./quota-model'),
    import('@/lib/gandi'),
  ]);
  await enforceQuota(
    ctx,
    principal,
    async (prices) => {
      const disk = await diskInfo(ctx.conn, diskId);
      return diskGrowDelta(disk.size, sizeGb * MB_PER_GB, prices);
    },
    'size_gb',
  );
}

/** A new public interface: one IPv4 address in dual mode; IPv6-only does not count. */
export async function checkPublicIpQuota(
  ctx: ActionContext,
  ipMode: 'dual' | 'ipv6',
): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const [{ enforceQuota }, { publicIpDelta }] = await Promise.all([
    import('./enforce'),
    import('./quota-model'),
  ]);
  await enforceQuota(ctx, principal, (prices) => publicIpDelta(ipMode, prices), 'ip_mode');
}

/** A snapshot is a new disk of its source's size. */
export async function checkSnapshotQuota(ctx: ActionContext, diskId: number): Promise<void> {
  await checkNewDiskQuota(ctx, async () => {
    const { diskInfo } = await import('@/lib/gandi');
    return (await diskInfo(ctx.conn, diskId)).size;
  });
}
