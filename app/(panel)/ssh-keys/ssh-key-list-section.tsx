import { SshKeyTable } from '@/components/ssh-keys/ssh-key-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Pagination, type SearchParamsRecord } from '@/components/ui/pagination';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getSshKeyPage } from '@/lib/dal/ssh-keys';

export async function SshKeyListSection({
  page,
  searchParams,
}: {
  page: number;
  searchParams: SearchParamsRecord;
}) {
  const { conn } = await requireSession();
  const loaded = await load(() => getSshKeyPage(conn, page));
  if (!loaded.ok)
    return <ErrorPanel title="The SSH keys could not load" message={loaded.message} />;
  const data = loaded.data;
  if (data.total === 0) {
    return (
      <EmptyState
        title="No SSH keys yet"
        description="Add the public key of each computer you log in from (the contents of ~/.ssh/id_ed25519.pub, for example)."
      />
    );
  }
  return (
    <div>
      {data.keys.length === 0 ? (
        <EmptyState title="This page is past the end" description="Go back to an earlier page." />
      ) : (
        <SshKeyTable keys={data.keys} />
      )}
      <Pagination
        pathname="/ssh-keys"
        searchParams={searchParams}
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
      />
    </div>
  );
}
