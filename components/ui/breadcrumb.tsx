import { textLinkClasses } from '@/components/ui/text-link';
import Link from 'next/link';
import { Fragment } from 'react';

/** The way back up from a detail or creation page: each step is a link. */
export function Breadcrumb({ trail }: { trail: readonly { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((step, index) => (
          <Fragment key={step.href}>
            {index > 0 ? <li aria-hidden="true">/</li> : null}
            <li>
              <Link href={step.href} className={textLinkClasses}>
                {step.label}
              </Link>
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
