import type { Metadata } from 'next';
import { AuditTable } from '@/components/team/audit-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { loadAuditView, parseAuditFilters } from '@/lib/team/audit-view';
import { requireTeamPermission } from '@/lib/team/page-access';

export const metadata: Metadata = { title: 'Audit log' };

const inputClass =
  'block rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900';

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { session, principal } = await requireTeamPermission('audit.read');
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const { entries, verdict, members } = await loadAuditView(session.conn, principal, filters);
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, value]] : [],
    ),
  );
  const exportHref = (format: string) => {
    const copy = new URLSearchParams(query);
    copy.set('format', format);
    return `/team/audit/export?${copy.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in this workspace, accepted or refused. Entries are hash-chained."
        actions={
          <>
            <a
              className="text-sm text-teal-700 underline dark:text-teal-300"
              href={exportHref('csv')}
            >
              Export CSV
            </a>
            <a
              className="text-sm text-teal-700 underline dark:text-teal-300"
              href={exportHref('json')}
            >
              Export JSON
            </a>
          </>
        }
      />
      <section aria-labelledby="chain-heading" className="mb-6">
        <h2 id="chain-heading" className="sr-only">
          Chain verification
        </h2>
        {verdict.ok ? (
          <p role="status" data-testid="chain-verdict" className="text-sm">
            <Badge tone="success">Chain verified</Badge> All {verdict.count} entries are intact.
          </p>
        ) : (
          <p role="alert" data-testid="chain-verdict" className="text-sm">
            <Badge tone="danger">Chain broken</Badge> Entry {verdict.seq}: {verdict.detail} (
            {verdict.problem}).
          </p>
        )}
      </section>
      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-3"
        aria-label="Filter the log"
      >
        <label className="text-sm">
          <span className="mb-1 block font-medium">Member</span>
          <select name="member" defaultValue={filters.memberId ?? ''} className={inputClass}>
            <option value="">Everyone</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.email}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Action</span>
          <input
            name="action"
            defaultValue={filters.action ?? ''}
            placeholder="vm.delete"
            className={inputClass}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Resource</span>
          <input
            name="resource"
            defaultValue={filters.resource ?? ''}
            placeholder="vm or vm:42"
            className={inputClass}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">From</span>
          <input
            type="date"
            name="from"
            defaultValue={filters.from?.slice(0, 10) ?? ''}
            className={inputClass}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">To</span>
          <input
            type="date"
            name="to"
            defaultValue={filters.to?.slice(0, 10) ?? ''}
            className={inputClass}
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium dark:border-zinc-600"
        >
          Filter
        </button>
      </form>
      <AuditTable entries={entries} />
    </>
  );
}
