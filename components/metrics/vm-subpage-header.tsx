import { Breadcrumb } from '@/components/ui/breadcrumb';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { PageHeader } from '@/components/ui/page-header';

export type VmSection = 'overview' | 'metrics' | 'console' | 'migration';

const SECTIONS: { id: VmSection; label: string; suffix: string }[] = [
  { id: 'overview', label: 'Overview', suffix: '' },
  { id: 'metrics', label: 'Metrics', suffix: '/metrics' },
  { id: 'console', label: 'Console', suffix: '/console' },
  { id: 'migration', label: 'Migration', suffix: '/migration' },
];

/**
 * Breadcrumb, heading and section tabs shared by the VM's sub-pages (metrics, console,
 * migration), so moving between them keeps the VM in view.
 */
export function VmSubpageHeader({
  vm,
  section,
  title,
  description,
  actions,
}: {
  vm: { id: number; hostname: string };
  section: Exclude<VmSection, 'overview'>;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const base = `/vms/${vm.id}`;
  return (
    <>
      <Breadcrumb
        trail={[
          { href: '/vms', label: 'Virtual machines' },
          { href: base, label: vm.hostname },
        ]}
      />
      <PageHeader title={`${title} — ${vm.hostname}`} description={description} actions={actions} />
      <VmSectionTabs vmId={vm.id} current={section} />
    </>
  );
}

/** Tabs between the VM's overview and its sub-pages (also placed on the VM page itself). */
export function VmSectionTabs({ vmId, current }: { vmId: number; current: VmSection }) {
  const base = `/vms/${vmId}`;
  return (
    <nav aria-label="VM sections" className="mb-6 border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex flex-wrap gap-1">
        {SECTIONS.map((item) => (
          <li key={item.id}>
            <Link
              href={`${base}${item.suffix}`}
              aria-current={item.id === current ? 'page' : undefined}
              className={cn(
                'inline-block border-b-2 px-3 py-2 text-sm',
                item.id === current
                  ? 'border-teal-700 font-medium text-zinc-900 dark:border-teal-400 dark:text-zinc-50'
                  : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
