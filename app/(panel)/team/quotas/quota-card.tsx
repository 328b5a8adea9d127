import 'server-only';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { verifySession } from '@/lib/dal/auth';
import { QuotaUsageTable } from './quota-usage';

/**
 * The dashboard's "your quota" card for team members: what they use and what is left. Renders
 * nothing for personal sessions (and loads nothing of the team storage for them).
 */
export async function QuotaCard() {
  const session = await verifySession();
  const principal = session?.principal;
  if (!session || principal?.kind !== 'team') return null;
  const [{ getQuotaStore }, { usageFor }, { getPricing }] = await Promise.all([
    import('@/lib/team/quotas/quota-store'),
    import('@/lib/team/quotas/enforce'),
    import('@/lib/cost/pricing'),
  ]);
  const [limits, pricing] = await Promise.all([
    (await getQuotaStore()).limits(principal.workspaceId, principal.memberId),
    getPricing(session.conn),
  ]);
  let usage: Awaited<ReturnType<typeof usageFor>>;
  try {
    usage = await usageFor(
      session.conn,
      principal.workspaceId,
      principal.memberId,
      pricing.status === 'known' ? pricing.prices : null,
    );
  } catch {
    // The dashboard's other cards explain an unreachable API; this one steps aside.
    return null;
  }
  return (
    <Card
      title="Your quota"
      actions={
        <Link href="/team/quotas" className="text-xs text-teal-800 underline dark:text-teal-300">
          All quotas
        </Link>
      }
    >
      <QuotaUsageTable label="Your use and quota" usage={usage} limits={limits} />
    </Card>
  );
}
