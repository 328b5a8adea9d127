'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Select } from '@/components/ui/select';
import { describeOperationType } from '@/lib/operations/types';
import { OPERATION_STEP_FILTERS, OPERATION_TYPE_FILTERS } from '@/lib/validation/operation-filters';

const STEP_LABEL: Record<string, string> = {
  running: 'Running (BILL, WAIT, RUN)',
  BILL: 'BILL',
  WAIT: 'WAIT',
  RUN: 'RUN',
  DONE: 'DONE',
  ERROR: 'ERROR',
  CANCEL: 'CANCEL',
  SUPPORT: 'SUPPORT',
};

/** Step and type filters in the URL; changing one goes back to page 1. */
export function OperationFilterForm({
  step,
  type,
}: {
  step?: string | undefined;
  type?: string | undefined;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const apply = (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form))
      if (typeof value === 'string' && value !== '') params.set(key, value);
    const text = params.toString();
    startTransition(() => router.push(text ? `${pathname}?${text}` : pathname));
  };
  return (
    <form
      key={`${step}-${type}`}
      method="get"
      role="search"
      aria-label="Filter operations"
      aria-busy={pending || undefined}
      onChange={(event) => apply(event.currentTarget)}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Step</span>
        <Select
          name="step"
          defaultValue={step ?? ''}
          placeholder="Any step"
          options={OPERATION_STEP_FILTERS.map((value) => ({
            value,
            label: STEP_LABEL[value] ?? value,
          }))}
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Type</span>
        <Select
          name="type"
          defaultValue={type ?? ''}
          placeholder="Any type"
          options={OPERATION_TYPE_FILTERS.map((value) => ({
            value,
            label: describeOperationType(value),
          }))}
        />
      </label>
      <noscript>
        <button type="submit" className="rounded-md border px-3 py-2 text-sm">
          Apply
        </button>
      </noscript>
    </form>
  );
}
