import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateIpForm } from '@/components/network/create-ip-form';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getCreateIpChoices } from '@/lib/dal/network';

export const metadata: Metadata = { title: 'Create a public IP' };

export default async function NewIpPage() {
  const { conn } = await requireSession();
  const loaded = await load(() => getCreateIpChoices(conn));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link
          href="/network"
          className="text-teal-800 underline-offset-2 hover:underline dark:text-teal-300"
        >
          IP addresses
        </Link>
      </nav>
      <PageHeader
        title="Create a public IP"
        description="A public IP comes on its own network interface; attach it to a VM now or later."
      />
      {loaded.ok ? (
        <CreateIpForm choices={loaded.data} />
      ) : (
        <ErrorPanel title="The form could not load" message={loaded.message} />
      )}
    </>
  );
}
