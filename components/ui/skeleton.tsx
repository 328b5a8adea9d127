import type { ReactNode } from 'react';
import { cn } from './cn';

/** A pulsing placeholder block; hidden from assistive tech (the container says "Loading"). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      data-skeleton=""
      className={cn('animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800', className)}
    />
  );
}

/** Wraps skeletons so screen readers hear one "Loading …" instead of nothing. */
export function LoadingRegion({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div role="status" aria-live="polite" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

export function CardSkeleton({
  label = 'Loading…',
  lines = 3,
}: {
  label?: string;
  lines?: number;
}) {
  return (
    <LoadingRegion
      label={label}
      className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <Skeleton className="h-4 w-1/3" />
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className="h-6 w-2/3" />
      ))}
    </LoadingRegion>
  );
}

export function TableSkeleton({
  label = 'Loading…',
  rows = 6,
  columns = 4,
}: {
  label?: string;
  rows?: number;
  columns?: number;
}) {
  return (
    <LoadingRegion label={label} className="space-y-2">
      <Skeleton className="h-8 w-full" />
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex gap-3">
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} className="h-6 flex-1" />
          ))}
        </div>
      ))}
    </LoadingRegion>
  );
}
