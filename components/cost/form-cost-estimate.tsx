'use client';

import { useEffect, useRef, useState, type ComponentProps } from 'react';
import type { ResourceDelta } from '@/lib/cost/estimate';
import { CostEstimate } from './cost-estimate';

/**
 * A `<CostEstimate>` placed inside a `<form>` that reads the form's own fields on every change,
 * so uncontrolled forms need no extra state.
 */
export function FormCostEstimate({
  deltaOf,
  ...rest
}: Omit<ComponentProps<typeof CostEstimate>, 'delta'> & {
  deltaOf: (values: FormData) => ResourceDelta | null;
}) {
  const anchor = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<FormData | null>(null);
  useEffect(() => {
    const form = anchor.current?.closest('form');
    if (!form) return;
    const read = () => setValues(new FormData(form));
    read();
    form.addEventListener('input', read);
    form.addEventListener('change', read);
    return () => {
      form.removeEventListener('input', read);
      form.removeEventListener('change', read);
    };
  }, []);
  return (
    <div ref={anchor}>
      <CostEstimate delta={values ? deltaOf(values) : null} {...rest} />
    </div>
  );
}
