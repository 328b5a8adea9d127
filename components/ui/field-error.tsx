/**
 * The error line under a field. The container is always rendered so that screen readers announce
 * a message appearing in it (aria-live), and its id is what the input's aria-describedby points at.
 */
export function FieldError({ id, message }: { id: string; message?: string | undefined }) {
  return (
    <p
      id={id}
      aria-live="polite"
      aria-atomic="true"
      className="min-h-5 text-sm text-red-700 dark:text-red-400"
    >
      {message}
    </p>
  );
}

/** The id `<FieldError>` uses for a field name (stable, so inputs can reference it). */
export function fieldErrorId(name: string): string {
  return `${name}-error`;
}
