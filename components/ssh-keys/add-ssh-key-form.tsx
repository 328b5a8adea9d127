'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState, useEffect, useRef, useState } from 'react';
import { addSshKeyAction } from '@/app/(panel)/ssh-keys/actions';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { TextField, controlClasses } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { cn } from '@/components/ui/cn';
import { fieldError, idleState } from '@/lib/action-state';
import { parseSshPublicKey, suggestedKeyName } from '@/lib/validation/ssh-key';

/**
 * Paste a public key: it is parsed as you type, and its type, size and MD5 fingerprint (the one
 * Gandi and `ssh-keygen -l -E md5` show) appear before anything is sent. The server parses it
 * again; its verdict is shown on the same field.
 */
export function AddSshKeyForm() {
  const [state, formAction] = useActionState(addSshKeyAction, idleState);
  const [value, setValue] = useState('');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const handled = useRef<typeof state | null>(null);

  useEffect(() => {
    if (state.status !== 'ok' || handled.current === state) return;
    handled.current = state;
    setValue('');
    setName('');
    setNameTouched(false);
  }, [state]);

  const parsed = value.trim() === '' ? null : parseSshPublicKey(value);
  const valueError =
    fieldError(state, 'value') ?? (parsed && !parsed.ok ? parsed.problem : undefined);
  const valueErrorId = fieldErrorId('ssh-key-value');
  const previewId = 'ssh-key-preview';

  const onValueChange = (next: string) => {
    setValue(next);
    const result = parseSshPublicKey(next);
    if (!nameTouched && result.ok) setName(suggestedKeyName(result.key.comment));
  };

  return (
    <section
      aria-labelledby="add-ssh-key"
      className="h-fit rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="add-ssh-key" className="mb-3 text-base font-semibold">
        Add a key
      </h2>
      <ActionForm ref={formRef} action={formAction} state={state} className="space-y-3" noValidate>
        <div className="space-y-1">
          <label htmlFor="ssh-key-value" className="block text-sm font-medium">
            Public key
          </label>
          <textarea
            id="ssh-key-value"
            name="value"
            rows={5}
            value={value}
            onChange={(event) => onValueChange(event.target.value)}
            spellCheck={false}
            autoComplete="off"
            placeholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… me@laptop"
            aria-invalid={valueError ? true : undefined}
            aria-describedby={`${previewId} ${valueErrorId}`}
            className={cn(controlClasses, 'font-mono text-xs break-all')}
          />
          <FieldError id={valueErrorId} message={valueError} />
        </div>
        <div id={previewId} aria-live="polite">
          {parsed?.ok ? (
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-800/60">
              <dt className="text-zinc-600 dark:text-zinc-400">Type</dt>
              <dd>
                {parsed.key.type} ({parsed.key.bits} bits)
              </dd>
              <dt className="text-zinc-600 dark:text-zinc-400">MD5 fingerprint</dt>
              <dd className="font-mono text-xs break-all" data-testid="ssh-key-fingerprint">
                {parsed.key.fingerprint}
              </dd>
            </dl>
          ) : null}
        </div>
        <TextField
          name="name"
          id="ssh-key-name"
          label="Name"
          value={name}
          maxLength={64}
          onChange={(event) => {
            setName(event.target.value);
            setNameTouched(true);
          }}
          hint="Filled from the key's comment; change it if you like."
          error={fieldError(state, 'name')}
        />
        <ActionMessage state={state} />
        {state.status === 'ok' ? (
          <p role="status" className="text-sm text-green-800 dark:text-green-300">
            Key “{state.data.name}” added ({state.data.fingerprint}).
          </p>
        ) : null}
        <SubmitButton pendingLabel="Adding…" disabled={parsed !== null && !parsed.ok}>
          Add key
        </SubmitButton>
      </ActionForm>
    </section>
  );
}
