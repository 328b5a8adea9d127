import type { Metadata } from 'next';
import { AuditTable } from '@/components/team/audit-table';
import { Badge } from '@/components/ui/badge';
import { FilterForm, SelectFilter, TextFilter } from '@/components/ui/filter-form';
import { PageHeader } from '@/components/ui/page-header';
import { loadAuditView, parseAuditFilters } from '@/lib/team/audit-view';
import { requireTeamPermission } from '@/lib/team/page-access';

export const metadata: Metadata = { title: 'Audit log' };

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
            <Badge tone="success">Chain verified</Badge>{' '}
            {verdict.count === 1
              ? 'The one entry is intact.'
              : `All ${verdict.count} entries are intact.`}
          </p>
        ) : (
          <p role="alert" data-testid="chain-verdict" className="text-sm">
            <Badge tone="danger">Chain broken</Badge> Entry {verdict.seq}: {verdict.detail} (
            {verdict.problem}).
          </p>
        )}
      </section>
      <FilterForm
        action="/team/audit"
        label="Filter the log"
        filtered={Object.keys(filters).length > 0}
        filterCount={4}
        submitLabel="Filter"
      >
        <SelectFilter
          id="audit-member"
          name="member"
          label="Member"
          value={filters.memberId}
          placeholder="Everyone"
          options={members.map((member) => ({ value: member.id, label: member.email }))}
        />
        <TextFilter
          id="audit-action"
          name="action"
          label="Action"
          value={filters.action}
          placeholder="vm.delete"
        />
        <TextFilter
          id="audit-resource"
          name="resource"
          label="Resource"
          value={filters.resource}
          placeholder="vm or vm:42"
        />
        <TextFilter
          id="audit-from"
          name="from"
          label="From"
          value={filters.from?.slice(0, 10)}
          type="date"
        />
        <TextFilter
          id="audit-to"
          name="to"
          label="To"
          value={filters.to?.slice(0, 10)}
          type="date"
        />
      </FilterForm>
      <AuditTable
        entries={entries}
        memberEmails={new Map(members.map((member) => [member.id, member.email]))}
      />
    </>
  );
}
