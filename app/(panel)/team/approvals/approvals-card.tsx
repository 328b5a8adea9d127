import 'server-only';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { verifySession } from '@/lib/dal/auth';
import { pendingApprovals } from '@/lib/team/approvals/pending-count';

/**
 * The dashboard's approvals card for team members: requests waiting for this admin's decision, or
 * this member's own requests still waiting. Nothing when none wait (and nothing for personal
 * sessions, which load nothing of the team storage).
 */
export async function ApprovalsCard() {
  const session = await verifySession();
  const waiting = session ? await pendingApprovals(session.principal) : null;
  if (!waiting || waiting.count === 0) return null;
  const { count: pending, decides } = waiting;
  const plural = pending === 1 ? '' : 's';
  return (
    <Card title="Approvals">
      <p className="text-sm">
        {decides
          ? `${pending} request${plural} wait${pending === 1 ? 's' : ''} for a decision.`
          : `${pending} of your request${plural} ${pending === 1 ? 'is' : 'are'} waiting for an admin.`}{' '}
        <Link href="/team/approvals" className="text-teal-800 underline dark:text-teal-300">
          {decides ? 'Decide' : 'Follow them'}
        </Link>
      </p>
    </Card>
  );
}
