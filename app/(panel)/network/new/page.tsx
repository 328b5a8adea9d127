import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
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
      <Breadcrumb trail={[{ href: '/network', label: 'IP addresses' }]} />
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
