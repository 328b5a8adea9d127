import { FieldError, fieldErrorId } from '@/components/ui/field-error';

/** IPv4 + IPv6 (the API's `ip_version: 4`) or IPv6 only, as two radio buttons. */
export function IpModeField({ error }: { error?: string | undefined }) {
  const errorId = fieldErrorId('ip_mode');
  return (
    <fieldset className="space-y-2" aria-describedby={errorId}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Addresses</legend>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="ip_mode" value="dual" defaultChecked className="mt-1" />
        <span>
          IPv4 + IPv6
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">
            One IPv4 address and one IPv6 address on the same interface.
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name="ip_mode" value="ipv6" className="mt-1" />
        <span>
          IPv6 only
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">
            Cheaper; the VM is not reachable from IPv4-only networks.
          </span>
        </span>
      </label>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
