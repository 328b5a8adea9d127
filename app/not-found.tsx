import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page does not exist, or the resource was deleted or belongs to another account.
      </p>
      <Link href="/" className={buttonClasses('primary', 'md', 'mt-6')}>
        Back to the dashboard
      </Link>
    </main>
  );
}
