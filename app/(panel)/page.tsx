import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AccountCard } from '@/components/dashboard/account-card';
import { RunningOperationsCard } from '@/components/dashboard/running-operations-card';
import { VmStatesCard } from '@/components/dashboard/vm-states-card';
import { CardSkeleton } from '@/components/ui/skeleton';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/dal/auth';
import { ApprovalsCard } from './team/approvals/approvals-card';
import { QuotaCard } from './team/quotas/quota-card';

export const metadata: Metadata = { title: 'Dashboard' };

/** Each card loads on its own: a slow upstream call delays its card, not the page. */
export default async function DashboardPage() {
  const { conn } = await requireSession();
  return (
    <>
      <PageHeader title="Dashboard" description="Credits, servers and what is running right now." />
      <div className="grid gap-4">
        <Suspense fallback={<CardSkeleton label="Loading the account…" lines={2} />}>
          <AccountCard conn={conn} />
        </Suspense>
        <Suspense fallback={null}>
          <ApprovalsCard />
        </Suspense>
        <Suspense fallback={null}>
          <QuotaCard />
        </Suspense>
        <div className="grid gap-4 lg:grid-cols-2">
          <Suspense fallback={<CardSkeleton label="Counting servers…" />}>
            <VmStatesCard conn={conn} />
          </Suspense>
          <Suspense fallback={<CardSkeleton label="Loading running operations…" />}>
            <RunningOperationsCard conn={conn} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
