import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AddSshKeyForm } from '@/components/ssh-keys/add-ssh-key-form';
import { PageHeader } from '@/components/ui/page-header';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { sshKeyListQuerySchema } from '@/lib/validation/ssh-key';
import { SshKeyListSection } from './ssh-key-list-section';

export const metadata: Metadata = { title: 'SSH keys' };

export default async function SshKeysPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const params = await searchParams;
  const query = sshKeyListQuerySchema.parse(params);
  return (
    <>
      <PageHeader
        title="SSH keys"
        description="Public keys you can install on new VMs from the creation wizard. Gandi identifies each by its MD5 fingerprint."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Suspense
          key={query.page}
          fallback={<TableSkeleton label="Loading SSH keys…" columns={3} />}
        >
          <SshKeyListSection page={query.page} searchParams={params} />
        </Suspense>
        <AddSshKeyForm />
      </div>
    </>
  );
}
