import { z } from 'zod';

/**
 * FormData → plain object for zod. A name sent once becomes a string, a name sent several times
 * (checkbox groups, multi-selects) an array; files are dropped (the panel uploads none) and
 * Next's internal `$ACTION_*` fields are skipped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData
      .getAll(key)
      .filter((value): value is string => typeof value === 'string');
    if (values.length === 0) continue;
    result[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return result;
}

/** A list field that tolerates absent (→ []) and single values (checkbox groups with one ticked). */
export function formList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}

/** A checkbox: present ("on"/"true") → true, absent → false. */
export const formCheckbox = z.preprocess(
  (value) => value === 'on' || value === 'true' || value === true,
  z.boolean(),
);

/** An optional numeric field: '' → undefined, otherwise coerced. */
export function formNumber<T extends z.ZodNumber>(schema: T) {
  return z.preprocess(
    (value) => (value === '' || value === undefined ? undefined : Number(value)),
    schema,
  );
}
