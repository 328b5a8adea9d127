import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Prerequisite, PrerequisiteStatus } from '@/lib/validation/console';

const STATUS: Record<PrerequisiteStatus, { tone: BadgeTone; text: string }> = {
  met: { tone: 'success', text: 'Present' },
  missing: { tone: 'danger', text: 'Missing' },
  unknown: { tone: 'warning', text: 'Required — cannot be checked' },
};

/** What the console needs, each with what we know of it (the text says it, not only the colour). */
export function PrerequisiteList({ items }: { items: Prerequisite[] }) {
  return (
    <ul className="space-y-3" aria-label="Console prerequisites">
      {items.map((item) => (
        <li key={item.id} className="text-sm">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            {item.label} <Badge tone={STATUS[item.status].tone}>{STATUS[item.status].text}</Badge>
          </p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">{item.detail}</p>
        </li>
      ))}
    </ul>
  );
}
