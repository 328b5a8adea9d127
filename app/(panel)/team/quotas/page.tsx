import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getPricing } from '@/lib/cost/pricing';
import { getApprovalPolicy } from '@/lib/team/approvals/policy-store';
import { requireTeamPermission } from '@/lib/team/page-access';
import { usageFor } from '@/lib/team/quotas/enforce';
import { getQuotaStore, WORKSPACE_ROW } from '@/lib/team/quotas/quota-store';
import { decide } from '@/lib/team/roles';
import { getTeamStore } from '@/lib/team/runtime';
import { PolicyForm } from './policy-form';
import { QuotaForm } from './quota-form';
import { QuotaUsageTable } from './quota-usage';

export const metadata: Metadata = { title: 'Quotas' };

export default async function QuotasPage() {
  const { session, principal } = await requireTeamPermission('quota.read');
  const canManage = decide(principal.role, 'quota.manage') === 'allow';
  const [quotas, team, pricing] = await Promise.all([
    getQuotaStore(),
    getTeamStore(),
    getPricing(session.conn),
  ]);
  const prices = pricing.status === 'known' ? pricing.prices : null;
  const all = await quotas.all(principal.workspaceId);
  const members = canManage
    ? (await team.listMembers(principal.workspaceId)).filter((m) => !m.removed_at)
    : [];
  const rows = canManage
    ? [
        { id: WORKSPACE_ROW, who: 'the whole workspace' },
        ...members.map((m) => ({ id: m.id, who: `${m.email} (${m.role})` })),
      ]
    : [
        { id: principal.memberId, who: 'you' },
        { id: WORKSPACE_ROW, who: 'the whole workspace' },
      ];
  const usages = await Promise.all(
    rows.map((row) =>
      usageFor(
        session.conn,
        principal.workspaceId,
        row.id === WORKSPACE_ROW ? null : row.id,
        prices,
      ),
    ),
  );
  return (
    <>
      <PageHeader
        title="Quotas"
        description="Limits on what members create, checked before any change reaches Gandi (also on resize)."
      />
      {canManage ? (
        <section aria-labelledby="policy-heading" className="mb-8">
          <h2 id="policy-heading" className="mb-3 text-lg font-semibold">
            Approval policy
          </h2>
          <PolicyForm policy={await getApprovalPolicy(principal.workspaceId)} />
        </section>
      ) : null}
      <ul className="space-y-6">
        {rows.map((row, index) => {
          const limits = all.get(row.id) ?? {};
          const usage = usages[index];
          return (
            <li key={row.id || 'workspace'}>
              <section
                aria-label={`Quota of ${row.who}`}
                className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
              >
                <h2 className="text-base font-semibold">Quota of {row.who}</h2>
                {usage ? (
                  <QuotaUsageTable label={`Use of ${row.who}`} usage={usage} limits={limits} />
                ) : null}
                {canManage ? <QuotaForm memberId={row.id} who={row.who} limits={limits} /> : null}
              </section>
            </li>
          );
        })}
      </ul>
    </>
  );
}
