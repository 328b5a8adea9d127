/**
 * A root password from the browser's CSPRNG (`crypto.getRandomValues`), 16 characters of
 * [A-Za-z0-9] like gandi.cli's `--gen-password`, plus two symbols for sites that demand them.
 * Rejection sampling keeps every character equally likely (no modulo bias).
 */
const LETTERS_DIGITS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const SYMBOLS = '-_.+=@%';
export const GENERATED_PASSWORD_LENGTH = 18;

export type RandomFill = (array: Uint8Array) => Uint8Array;

const defaultFill: RandomFill = (array) => crypto.getRandomValues(array);

function pick(alphabet: string, count: number, fill: RandomFill): string {
  // The largest multiple of the alphabet size that fits in a byte: bytes above it are redrawn.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < count) {
    const bytes = fill(new Uint8Array(count * 2));
    for (const byte of bytes) {
      if (byte < limit && out.length < count) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export function generatePassword(fill: RandomFill = defaultFill): string {
  const body = pick(LETTERS_DIGITS, GENERATED_PASSWORD_LENGTH - 2, fill);
  const symbols = pick(SYMBOLS, 2, fill);
  // Symbols go inside the password, not at its edges (easier to copy with a double click).
  const [first = '', second = ''] = symbols;
  return `${body.slice(0, 6)}${first}${body.slice(6, 12)}${second}${body.slice(12)}`;
}
