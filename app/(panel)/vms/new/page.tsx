import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { VmWizard } from '@/components/wizard/vm-wizard';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { findCreation } from '@/lib/dal/vm-mutations';
import { getWizardCatalog } from '@/lib/dal/vms';

export const metadata: Metadata = { title: 'Create a VM' };

const tokenSchema = z.uuid();

export default async function NewVmPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const session = await requireSession();
  const { token: raw } = await searchParams;
  // The wizard opens with a fresh idempotency token in its URL, so that a reload (or a re-render
  // after the action) keeps it: a resubmit is recognised, and a reload after creating shows that
  // creation again instead of an empty wizard.
  const fromUrl = tokenSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!fromUrl.success) redirect(`/vms/new?token=${randomUUID()}`);
  const token = fromUrl.data;
  const [catalog, creation] = await Promise.all([
    load(() => getWizardCatalog(session.conn)),
    findCreation(session, token),
  ]);
  return (
    <>
      <PageHeader
        title="Create a VM"
        description="From an image, with hosting.vm.create_from: a system disk, a network interface and the VM."
      />
      {catalog.ok ? (
        // Keyed by token: "Start a new VM" gets a fresh token, hence a fresh wizard.
        <VmWizard key={token} catalog={catalog.data} token={token} initialCreation={creation} />
      ) : (
        <ErrorPanel title="The catalogue could not load" message={catalog.message} />
      )}
    </>
  );
}
