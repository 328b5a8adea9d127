/**
 * The kernel command line: text in the form, a struct on the wire (`kernel_cmdline`, reference
 * §9.3: `{console:'ttyS0', nosep:true, ro:true, root:'/dev/sda'}`).
 */

export const CMDLINE_MAX_LENGTH = 1024;

export type KernelCmdline = Record<string, string | boolean>;

const CMDLINE_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * `"root=/dev/sda ro console=ttyS0"` → `{ root: '/dev/sda', ro: true, console: 'ttyS0' }`, the
 * struct the API keeps in `kernel_cmdline`. A bare word is a flag (`true`); `key=true|false` is
 * a boolean, so what `formatCmdline` writes reads back the same.
 */
export function parseCmdline(
  text: string,
): { ok: true; value: KernelCmdline } | { ok: false; problem: string } {
  if (text.length > CMDLINE_MAX_LENGTH)
    return { ok: false, problem: `The command line is at most ${CMDLINE_MAX_LENGTH} characters.` };
  const value: KernelCmdline = {};
  for (const token of text.split(/\s+/).filter((part) => part !== '')) {
    const eq = token.indexOf('=');
    const key = eq === -1 ? token : token.slice(0, eq);
    if (!CMDLINE_KEY.test(key))
      return {
        ok: false,
        problem: `"${token}" is not an option: use name or name=value (letters, digits, _ . -).`,
      };
    if (Object.hasOwn(value, key)) return { ok: false, problem: `"${key}" is given twice.` };
    if (eq === -1) {
      value[key] = true;
      continue;
    }
    const raw = token.slice(eq + 1);
    if (raw === '') return { ok: false, problem: `"${key}=" needs a value after the = sign.` };
    if (/["'\\]/.test(raw))
      return { ok: false, problem: `"${key}": quotes and backslashes are not allowed.` };
    value[key] = raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return { ok: true, value };
}

/** The inverse of `parseCmdline`, for the form's initial value. */
export function formatCmdline(cmdline: Record<string, string | boolean | number> | null): string {
  if (!cmdline) return '';
  return Object.entries(cmdline)
    .map(([key, value]) => (value === true ? key : `${key}=${String(value)}`))
    .join(' ');
}
