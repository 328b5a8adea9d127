import { SubmitButton } from '@/components/ui/submit-button';
import { requestVmCreateApprovalAction } from '@/app/(panel)/team/approvals/actions';
import { ApprovalRequestButton, offersApproval } from '@/components/team/approval-request-button';
import type { CreateVmInput } from '@/lib/validation/vm';
import { buildCreateFromCall, formatCreateFromCall } from '@/lib/validation/vm-create-call';

/**
 * The exact call the server will make (built by the same function the server uses), and the
 * form that sends it. Every value travels in hidden fields, with the wizard's idempotency token.
 */
export function ReviewStep({
  token,
  input,
  formAction,
  message,
}: {
  token: string;
  input: Omit<CreateVmInput, 'token'>;
  formAction: (formData: FormData) => void;
  message?: string | undefined;
}) {
  const call = formatCreateFromCall(buildCreateFromCall(input));
  return (
    <form id="create-vm-form" action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="datacenter_id" value={input.datacenter_id} />
      <input type="hidden" name="src_disk_id" value={input.src_disk_id} />
      <input type="hidden" name="hostname" value={input.hostname} />
      <input type="hidden" name="cores" value={input.cores} />
      <input type="hidden" name="memory" value={input.memory} />
      <input type="hidden" name="disk_size" value={input.disk_size} />
      <input type="hidden" name="ip_mode" value={input.ip_mode} />
      <input type="hidden" name="bandwidth" value={input.bandwidth} />
      <input type="hidden" name="password" value={input.password} />
      <input type="hidden" name="ssh_key_ids" value={input.ssh_key_ids.join(',')} />
      {input.vlan_id !== undefined ? (
        <input type="hidden" name="vlan_id" value={input.vlan_id} />
      ) : null}
      <div>
        <h3 className="mb-2 text-sm font-medium" id="api-call-heading">
          The API call
        </h3>
        <pre
          aria-labelledby="api-call-heading"
          className="overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100 dark:bg-black"
        >
          <code>{call}</code>
        </pre>
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          The API key stays on the server; the password is masked here.
        </p>
      </div>
      {message ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      ) : null}
      <SubmitButton pendingLabel="Creating…">Create VM</SubmitButton>
      {offersApproval(message) ? (
        <ApprovalRequestButton action={requestVmCreateApprovalAction} />
      ) : null}
    </form>
  );
}
