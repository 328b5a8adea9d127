import Link from 'next/link';

/** Where a change went instead of Gandi: the approvals queue, with why and a link to follow it. */
export function SentForApproval({ why }: { why?: string | undefined }) {
  return (
    <p role="status" className="text-sm">
      Sent for approval{why ? ` — ${why}` : '.'}{' '}
      <Link href="/team/approvals" className="text-teal-800 underline dark:text-teal-300">
        Follow your requests
      </Link>
    </p>
  );
}
