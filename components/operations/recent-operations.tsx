import { cn } from '@/components/ui/cn';
import { textLinkClasses } from '@/components/ui/text-link';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/vms/format';
import type { Operation } from '@/lib/gandi/types';
import { describeOperationType } from '@/lib/operations/types';
import { operationResource, type ResourceNames } from './resource-label';
import { ResourceCell } from './resource-cell';
import { StepBadge } from './step-badge';

/** A resource's latest operations (newest first), with the error of failed ones. */
export function RecentOperations({
  operations,
  subject,
  names,
}: {
  operations: Operation[];
  /** Names of the resources they touch, shown instead of ids where known. */
  names?: ResourceNames;
  /** What the operations are about, e.g. "this VM" (for the table's caption). */
  subject: string;
}) {
  return (
    <Card
      title="Operations"
      actions={
        <Link href="/operations" className={cn('text-sm', textLinkClasses)}>
          All operations
        </Link>
      }
    >
      {operations.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No operation yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Operations of {subject}</caption>
            <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-4">
                  Operation
                </th>
                <th scope="col" className="py-1 pr-4">
                  About
                </th>
                <th scope="col" className="py-1 pr-4">
                  Step
                </th>
                <th scope="col" className="py-1 pr-4">
                  Created
                </th>
                <th scope="col" className="py-1 pr-4">
                  Error
                </th>
              </tr>
            </thead>
            <tbody>
              {operations.map((op) => (
                <tr key={op.id} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {describeOperationType(op.type)}{' '}
                    <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                      {op.type} #{op.id}
                    </span>
                  </th>
                  <td className="py-2 pr-4">
                    <ResourceCell resource={operationResource(op, names)} />
                  </td>
                  <td className="py-2 pr-4">
                    <StepBadge step={op.step} />
                  </td>
                  <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(op.dateCreated)}</td>
                  <td className="py-2 pr-4 text-red-800 dark:text-red-300">{op.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
