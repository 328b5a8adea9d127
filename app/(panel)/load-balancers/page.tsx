import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { RproxyListSection } from './rproxy-list-section';

export const metadata: Metadata = { title: 'Load balancers' };

export default function LoadBalancersPage() {
  return (
    <>
      <PageHeader
        title="Load balancers"
        description="Gandi's Web Accelerator: one address in front of several VMs, spreading requests and checking that backends answer."
      />
      <Suspense fallback={<TableSkeleton label="Loading load balancers…" columns={5} />}>
        <RproxyListSection />
      </Suspense>
    </>
  );
}
