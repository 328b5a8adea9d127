import 'server-only';
import Link from 'next/link';
import { runwayDays } from '@/lib/cost/estimate';
import { getRunwayFigures } from '@/lib/dal/account';
import { verifySession } from '@/lib/dal/auth';
import { getEnv } from '@/lib/env';

const days = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/**
 * The shell's low-runway banner: shown when the account's credits last fewer than
 * `RUNWAY_WARNING_DAYS` days at its current burn. Says nothing if the figures cannot be read
 * (the dashboard explains failures; a banner about a banner would only add noise).
 */
export async function RunwayWarning() {
  const session = await verifySession();
  if (!session) return null;
  const threshold = getEnv().runwayWarningDays;
  let credits: number;
  let burn: number;
  try {
    ({ credits, burnPerHour: burn } = await getRunwayFigures(session.conn));
  } catch {
    return null;
  }
  const left = runwayDays(credits, burn);
  if (left === null || left >= threshold) return null;
  return (
    <div
      role="alert"
      className="mb-6 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      <strong className="font-semibold">Low runway: </strong>
      {left < 1 / 24
        ? 'the credits run out within the hour'
        : left < 1
          ? `about ${Math.floor(left * 24)} hour${Math.floor(left * 24) === 1 ? '' : 's'} of credits left`
          : `about ${days.format(left)} day${left < 1.05 ? '' : 's'} of credits left`}{' '}
      at the current burn of {burn.toLocaleString('en')} credits per hour (
      {credits.toLocaleString('en')} credits, warning below {threshold} days). Buy credits at Gandi,
      or stop what you do not need.{' '}
      <Link href="/" className="underline underline-offset-2">
        See the account
      </Link>
    </div>
  );
}
