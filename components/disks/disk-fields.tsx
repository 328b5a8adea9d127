'use client';

import { TextField } from '@/components/ui/input';
import { DISK_NAME_MAX_LENGTH, DISK_SIZE_GB, diskNameProblem } from '@/lib/validation/disk';

/** A disk's name, checked while typing (the server decides); the disk and VM pages share it. */
export function DiskNameField({
  id,
  value,
  onChange,
  serverError,
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  serverError: string | undefined;
}) {
  const hint = value === '' ? null : diskNameProblem(value);
  return (
    <TextField
      name="name"
      id={id}
      label="Name"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      maxLength={DISK_NAME_MAX_LENGTH}
      autoComplete="off"
      hint="Letters, digits, dots, hyphens and underscores."
      error={serverError ?? hint ?? undefined}
    />
  );
}

/** A disk's size in whole GB (`size_gb`), with the form's own hint and problem. */
export function DiskSizeField({
  id,
  value,
  onChange,
  hint,
  error,
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  error: string | undefined;
}) {
  return (
    <TextField
      name="size_gb"
      id={id}
      label="Size (GB)"
      type="number"
      inputMode="numeric"
      min={DISK_SIZE_GB.min}
      max={DISK_SIZE_GB.max}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={hint}
      error={error}
    />
  );
}
