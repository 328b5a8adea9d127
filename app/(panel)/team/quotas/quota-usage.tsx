import {
  formatQuotaValue,
  QUOTA_KEYS,
  QUOTA_LABELS,
  type QuotaLimits,
  type QuotaUsage,
} from '@/lib/team/quotas/quota-model';

/** Used / limit / left per key, for the keys that have a limit. */
export function QuotaUsageTable({
  label,
  usage,
  limits,
}: {
  label: string;
  usage: QuotaUsage;
  limits: QuotaLimits;
}) {
  const keys = QUOTA_KEYS.filter((key) => limits[key] !== null && limits[key] !== undefined);
  if (keys.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No quota set.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{label}</caption>
      <thead className="text-xs text-zinc-600 dark:text-zinc-400">
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">
            Resource
          </th>
          <th scope="col" className="py-1 pr-4 text-right font-medium">
            Used
          </th>
          <th scope="col" className="py-1 pr-4 text-right font-medium">
            Quota
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Left
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const limit = limits[key] as number;
          return (
            <tr key={key}>
              <th scope="row" className="py-1 pr-4 font-normal">
                {QUOTA_LABELS[key]}
              </th>
              <td className="py-1 pr-4 text-right tabular-nums">
                {formatQuotaValue(key, usage[key])}
              </td>
              <td className="py-1 pr-4 text-right tabular-nums">{formatQuotaValue(key, limit)}</td>
              <td className="py-1 text-right tabular-nums">
                {formatQuotaValue(key, Math.max(0, limit - usage[key]))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
