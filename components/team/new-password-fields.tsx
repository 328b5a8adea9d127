import { TextField } from '@/components/ui/input';
import { fieldError, type ActionState } from '@/lib/action-state';

/** A new password typed twice (`password`, `confirm`), with the rule shown under it. */
export function NewPasswordFields({
  label,
  state,
}: {
  label: string;
  state: ActionState<unknown>;
}) {
  return (
    <>
      <TextField
        name="password"
        label={label}
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        required
        error={fieldError(state, 'password')}
      />
      <TextField
        name="confirm"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError(state, 'confirm')}
      />
    </>
  );
}
