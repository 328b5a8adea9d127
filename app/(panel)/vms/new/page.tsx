import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
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
  // A token in the URL is this wizard being reloaded; otherwise the wizard opens now.
  const fromUrl = tokenSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const token = fromUrl.success ? fromUrl.data : randomUUID();
  const [catalog, creation] = await Promise.all([
    load(() => getWizardCatalog(session.conn)),
    fromUrl.success ? findCreation(session, token) : Promise.resolve(null),
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
