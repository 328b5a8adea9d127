import type { ComponentProps, ReactNode } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatState } from '@/components/vms/format';

/** A load balancer's backends or domains: each with its state and its own controls. */
export function PartList<T extends { id: number; state: string }>({
  label,
  empty,
  items,
  name,
  tone,
  controls,
}: {
  /** The list's accessible name. */
  label: string;
  /** Said instead of an empty list. */
  empty: string;
  items: readonly T[];
  /** The item's name (a `<span>` that takes the row's free width). */
  name: (item: T) => ReactNode;
  tone: (state: string) => BadgeTone;
  controls: (item: T) => ReactNode;
}) {
  if (items.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-2 py-2">
          {name(item)}
          <Badge tone={tone(item.state)}>{formatState(item.state)}</Badge>
          {controls(item)}
        </li>
      ))}
    </ul>
  );
}

/** The row's "Remove" (a submit button of the row's form), named after what it removes. */
export function RemoveButton({
  what,
  ...props
}: { what: string } & Omit<ComponentProps<typeof Button>, 'children'>) {
  return (
    <Button type="submit" size="sm" variant="ghost" aria-label={`Remove ${what}`} {...props}>
      Remove
    </Button>
  );
}
