'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';
import { controlClasses } from './input';

export interface ConfirmDialogProps {
  /** Text of the button that opens the dialog. */
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  triggerDisabled?: boolean;
  /** The id of a sentence saying why the trigger is disabled. */
  triggerDescribedBy?: string | undefined;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** "Type X to confirm": the confirm button stays disabled until the user types exactly this. */
  confirmPhrase?: string;
  /** A form action (e.g. from useActionState); the dialog's form submits to it. */
  action?: (formData: FormData) => void;
  /** Or a plain callback. */
  onConfirm?: () => void;
  /** Hidden inputs etc. sent with the form. */
  children?: ReactNode;
}

/**
 * A native modal `<dialog>`: `showModal()` makes the rest of the page inert (the focus stays
 * inside), Escape closes it, and focus returns to the trigger on close.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerVariant = 'secondary',
  triggerDisabled,
  triggerDescribedBy,
  title,
  description,
  confirmLabel,
  tone = 'danger',
  confirmPhrase,
  action,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const descriptionId = useId();
  const phraseId = useId();
  const confirmed = confirmPhrase === undefined || typed === confirmPhrase;

  const open = () => {
    setTyped('');
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();

  return (
    <>
      <Button
        ref={triggerRef}
        variant={triggerVariant}
        onClick={open}
        disabled={triggerDisabled}
        aria-describedby={triggerDescribedBy}
      >
        {triggerLabel}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        onClose={() => triggerRef.current?.focus()}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form
          action={action}
          onSubmit={(event) => {
            if (!confirmed) {
              event.preventDefault();
              return;
            }
            if (!action) event.preventDefault();
            onConfirm?.();
            close();
          }}
          className="space-y-4 p-5"
        >
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="text-sm text-zinc-700 dark:text-zinc-300">
              {description}
            </div>
          ) : null}
          {children}
          {confirmPhrase !== undefined ? (
            <div className="space-y-1">
              <label htmlFor={phraseId} className="block text-sm">
                Type <strong className="font-mono">{confirmPhrase}</strong> to confirm
              </label>
              <input
                id={phraseId}
                className={controlClasses}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                autoFocus
              />
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close} autoFocus={confirmPhrase === undefined}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={tone === 'danger' ? 'danger' : 'primary'}
              disabled={!confirmed}
            >
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
