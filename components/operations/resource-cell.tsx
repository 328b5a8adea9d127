import Link from 'next/link';
import { textLinkClasses } from '@/components/ui/text-link';
import type { ResourceLabel } from './resource-label';

/** An operation's resource in a table: its name, linked to its page while it has one. */
export function ResourceCell({ resource }: { resource: ResourceLabel | null }) {
  if (!resource) return <>—</>;
  if (!resource.href) return <span className="break-all">{resource.label}</span>;
  return (
    <Link href={resource.href} className={`break-all ${textLinkClasses}`}>
      {resource.label}
    </Link>
  );
}
