'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionMessage } from '@/components/ui/action-message';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, type ActionState } from '@/lib/action-state';
import type { RproxyView } from './types';

export interface AddPartFormProps {
  rproxy: Pick<RproxyView, 'id' | 'state'>;
  /** The dispatch function of `useActionState`, and the state it produces. */
  action: (formData: FormData) => void;
  state: ActionState<unknown>;
  /** Whether `state` says the addition started: the field is emptied then (kept on a refusal). */
  started: boolean;
  /** The one field: its name (also the server's field error key and its id's end), label. */
  name: string;
  label: string;
  placeholder: string;
  hint?: string;
  list?: string;
  /** What is wrong with a non-empty value as typed, before sending (the server checks again). */
  problem: (value: string) => string | null;
  submitLabel: string;
  /** Shown under the field (a datalist, what the server answered). */
  children?: ReactNode;
}

/** The "add one" form under a load balancer's backends or domains. */
export function AddPartForm({
  rproxy,
  action,
  state,
  started,
  name,
  label,
  placeholder,
  hint,
  list,
  problem,
  submitLabel,
  children,
}: AddPartFormProps) {
  const [value, setValue] = useState('');
  const handled = useRef<ActionState<unknown> | null>(null);
  useEffect(() => {
    if (!started || handled.current === state) return;
    handled.current = state;
    setValue('');
  }, [state, started]);

  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      <input type="hidden" name="rproxy_id" value={rproxy.id} />
      <TextField
        name={name}
        id={`rproxy-add-${name}`}
        label={label}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        list={list}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        hint={hint}
        error={
          fieldError(state, name) ??
          (value.trim() === '' ? undefined : (problem(value) ?? undefined))
        }
      />
      {children}
      <ActionMessage state={state} />
      {/* Changes wait until the load balancer is running. */}
      <SubmitButton pendingLabel="Adding…" disabled={rproxy.state !== 'running'}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
