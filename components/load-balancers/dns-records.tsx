import { ConsoleCommand } from '@/components/console/console-command';
import type { DnsRecords } from '@/lib/dal/rproxy-mutations';

/**
 * What to publish so Gandi accepts a domain: the TXT and CNAME records, in zone-file form, each
 * with a copy button (as gandi.cli prints them).
 */
export function DnsRecordsPanel({ records }: { records: DnsRecords[] }) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <p className="font-medium">
        {records.length === 1 ? 'This domain is' : 'These domains are'} not validated yet. Add these
        records to the zone, wait for them to propagate, then try again.
      </p>
      {records.map((r) => (
        <section key={r.domain} aria-label={`Records for ${r.domain}`} className="space-y-1">
          <h3 className="font-semibold">{r.domain}</h3>
          <p className="text-xs text-zinc-700 dark:text-zinc-300">TXT record</p>
          <ConsoleCommand command={`${r.txt.name} 3600 IN TXT "${r.txt.value}"`} />
          <p className="text-xs text-zinc-700 dark:text-zinc-300">CNAME record</p>
          <ConsoleCommand command={`${r.cname.name} 3600 IN CNAME ${r.cname.target}`} />
        </section>
      ))}
    </div>
  );
}
