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
