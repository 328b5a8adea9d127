import type { Metadata } from 'next';
import { AuditTable } from '@/components/team/audit-table';
import { Badge } from '@/components/ui/badge';
import { FilterField, FilterForm } from '@/components/ui/filter-form';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
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
        <FilterField id="audit-member" label="Member">
          <Select
            id="audit-member"
            name="member"
            defaultValue={filters.memberId ?? ''}
            placeholder="Everyone"
            options={members.map((member) => ({ value: member.id, label: member.email }))}
          />
        </FilterField>
        <FilterField id="audit-action" label="Action">
          <Input
            id="audit-action"
            name="action"
            defaultValue={filters.action ?? ''}
            placeholder="vm.delete"
          />
        </FilterField>
        <FilterField id="audit-resource" label="Resource">
          <Input
            id="audit-resource"
            name="resource"
            defaultValue={filters.resource ?? ''}
            placeholder="vm or vm:42"
          />
        </FilterField>
        <FilterField id="audit-from" label="From">
          <Input
            id="audit-from"
            type="date"
            name="from"
            defaultValue={filters.from?.slice(0, 10) ?? ''}
          />
        </FilterField>
        <FilterField id="audit-to" label="To">
          <Input
            id="audit-to"
            type="date"
            name="to"
            defaultValue={filters.to?.slice(0, 10) ?? ''}
          />
        </FilterField>
      </FilterForm>
      <AuditTable
        entries={entries}
        memberEmails={new Map(members.map((member) => [member.id, member.email]))}
      />
    </>
  );
}
