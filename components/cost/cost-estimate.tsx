'use client';

import { useId, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatRunway, runway } from '@/lib/dal/runway';
import { estimateCost, type ResourceDelta } from '@/lib/cost/estimate';
import { formatCostDelta, formatCostRate, formatCredits, MONTH_NOTE } from '@/lib/cost/format';
import type { Pricing } from '@/lib/cost/pricing';
import { usePricing } from './use-pricing';

/**
 * What a change costs: the credits per hour it adds or removes, the account's new burn and the
 * runway it leaves — all labelled as an estimate. Says "price unknown" when the endpoint has no
 * usable price list, and nothing numeric while `delta` is null (the form is not valid yet).
 */
export function CostEstimate({
  delta,
  pricing: initial,
  note,
  title = 'Cost',
  billedNow = true,
  headingLevel = 3,
}: {
  delta: ResourceDelta | null;
  /** Server-loaded pricing; loaded on mount when absent. */
  pricing?: Pricing;
  /** e.g. "Billed while the VM runs." */
  note?: ReactNode;
  title?: string;
  /**
   * False for cores and RAM of a VM that is not running: the change is billed once it runs, so
   * today's burn and runway stay as they are.
   */
  billedNow?: boolean;
  /** 2 where the box sits right under the page's h1 (a create page), else 3 (inside a card). */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const pricing = usePricing(initial);
  const headingId = useId();
  let body: ReactNode;
  if (pricing.status === 'loading') {
    body = <p className="text-zinc-600 dark:text-zinc-400">Loading prices…</p>;
  } else if (pricing.status === 'unknown') {
    body = (
      <p>
        <strong className="font-semibold">Price unknown.</strong> {pricing.reason}
      </p>
    );
  } else if (!delta) {
    body = (
      <p className="text-zinc-600 dark:text-zinc-400">Complete the form to see what it costs.</p>
    );
  } else {
    const result = estimateCost(pricing, delta);
    const burnAfter = billedNow ? result.newBurnPerHour : pricing.burnPerHour;
    const left =
      burnAfter === null || pricing.credits === null
        ? undefined
        : runway(pricing.credits, burnAfter);
    body = (
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-zinc-600 dark:text-zinc-400">This change</dt>
        <dd className="tabular-nums">
          {formatCostDelta(result.deltaPerHour, pricing.creditPrice)}
          {billedNow || result.deltaPerHour === 0 ? '' : ', once running'}
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">New burn</dt>
        <dd className="tabular-nums">
          {burnAfter === null ? 'unknown' : formatCostRate(burnAfter, pricing.creditPrice)}
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Runway</dt>
        <dd className="tabular-nums">
          {left === undefined
            ? 'unknown'
            : left === null
              ? 'no burn'
              : `${formatRunway(left)} (${formatCredits(pricing.credits ?? 0)})`}
        </dd>
      </dl>
    );
  }
  return (
    <section
      aria-labelledby={headingId}
      aria-live="polite"
      className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-950"
    >
      <Heading id={headingId} className="mb-2 flex items-center gap-2 font-semibold">
        {title} <Badge tone="info">estimate</Badge>
      </Heading>
      {body}
      {note ? <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{note}</p> : null}
      {pricing.status === 'known' && delta ? (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {MONTH_NOTE}
          {pricing.creditPrice ? '' : ' Prices are in Gandi credits.'}
        </p>
      ) : null}
    </section>
  );
}
