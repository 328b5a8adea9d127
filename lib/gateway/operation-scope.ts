import { isStruct } from '@/simulator/args';
import type { XmlParam } from '@/simulator/xmlrpc/values';
import type { Role } from '@/lib/team/db/schema';

/**
 * `operation.*` through the endpoint shows the member their own operations (those the portal
 * recorded as theirs); owners and admins, who already see the audit log, see the account's.
 */
export function seesAllOperations(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * The list/count options with an `id` filter narrowed to `owned` (intersected with any `id` the
 * caller gave). `null` when nothing can match, so the caller answers without asking upstream;
 * `undefined` when the options are not a struct (the upstream then answers its own fault).
 */
export function scopeOperationOptions(
  options: XmlParam | undefined,
  owned: readonly number[],
): { [key: string]: XmlParam } | null | undefined {
  if (options !== undefined && !isStruct(options)) return undefined;
  const given = options ?? {};
  let ids = owned;
  if ('id' in given) {
    const asked = Array.isArray(given.id) ? given.id : [given.id];
    const allowed = new Set(owned);
    ids = asked.filter((id): id is number => typeof id === 'number' && allowed.has(id));
  }
  if (ids.length === 0) return null;
  return { ...given, id: [...ids] };
}
