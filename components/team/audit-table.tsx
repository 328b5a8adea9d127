import type { ChainedAuditEntry } from '@/lib/team/audit/chain';
import { parseOperations } from '@/lib/team/store/audit-operations';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

const RESULT_TONE: Record<string, BadgeTone> = {
  ok: 'success',
  refused: 'danger',
  error: 'warning',
  invalid: 'neutral',
};

/**
 * The recorded parameters, with member ids (`requested_by`, `decided_by`…) shown as the member's
 * email: the chain keeps the id (stable, hashed as written), people read the name.
 */
export function readableParams(params: string, memberEmails: ReadonlyMap<string, string>): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(params);
  } catch {
    return params;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return params;
  const named = Object.fromEntries(
    Object.entries(parsed).map(([key, value]) => [
      key,
      key.endsWith('_by') && typeof value === 'string' ? (memberEmails.get(value) ?? value) : value,
    ]),
  );
  return JSON.stringify(named);
}

/** The audit entries, newest first. Final operation steps are their own entries in the chain. */
export function AuditTable({
  entries,
  memberEmails,
}: {
  entries: readonly ChainedAuditEntry[];
  /** Member id → email, to name the members the parameters refer to. */
  memberEmails: ReadonlyMap<string, string>;
}) {
  if (entries.length === 0) {
    return <EmptyState title="No entries" description="Nothing matches these filters yet." />;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Audit entries">
        <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {[
              '#',
              'When (UTC)',
              'Member',
              'From',
              'Action',
              'Resource',
              'Result',
              'Operations',
              'Parameters',
            ].map((label) => (
              <th key={label} scope="col" className="py-2 pr-3 font-medium whitespace-nowrap">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} className="border-b border-zinc-100 align-top dark:border-zinc-800">
              <td className="py-2 pr-3 tabular-nums">{entry.seq}</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                <time dateTime={entry.ts}>{entry.ts.slice(0, 19).replace('T', ' ')}</time>
              </td>
              <td className="py-2 pr-3">{entry.memberEmail ?? 'portal'}</td>
              <td className="py-2 pr-3">{entry.ip ?? '—'}</td>
              <td className="py-2 pr-3 font-mono text-xs">{entry.action}</td>
              <td className="py-2 pr-3 font-mono text-xs">{entry.resource ?? '—'}</td>
              <td className="py-2 pr-3">
                <Badge tone={RESULT_TONE[entry.result] ?? 'neutral'}>{entry.result}</Badge>
                {entry.message ? (
                  <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">
                    {entry.message}
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-3 font-mono text-xs">
                {parseOperations(entry.operations)
                  .map((op) => [op.id, op.type, op.step].filter(Boolean).join(' '))
                  .join(', ') || '—'}
              </td>
              <td className="max-w-xs py-2 pr-3 font-mono text-xs break-all">
                {readableParams(entry.params, memberEmails)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
