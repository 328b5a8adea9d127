'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useId, useState } from 'react';
import { requestVmResizeApprovalAction } from '@/app/(panel)/team/approvals/actions';
import { resizeVmAction } from '@/app/(panel)/vms/actions';
import { CostEstimate } from '@/components/cost/cost-estimate';
import { ApprovalRequestButton, offersApproval } from '@/components/team/approval-request-button';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError } from '@/lib/action-state';
import type { ResizeResult } from '@/lib/dal/vm-mutations';
import { vmResizeDelta } from '@/lib/cost/deltas';
import { CORES, MEMORY_MB, coresProblem, memoryProblem } from '@/lib/validation/vm';
import { planResize, type ResizableVm } from '@/lib/validation/vm-resize';
import { DetailCard } from './detail-card';
import { formatMemory } from './format';
import { useStartedActionState } from './use-started-operations';

/**
 * Cores and memory, saying BEFORE submit whether the change applies live or restarts the VM
 * (memory above `vm_max_memory` on a running VM). The server re-plans against the VM's current
 * state and refuses a restart the user did not agree to.
 */
export function VmResizeForm({
  vmId,
  vm,
  onStarted,
  disabledBy,
}: {
  vmId: number;
  vm: ResizableVm;
  onStarted: (data: ResizeResult) => void;
  /** The id of the sentence saying why this member may not resize it (disables Apply). */
  disabledBy?: string | undefined;
}) {
  const [memory, setMemory] = useState(String(vm.memory));
  const [cores, setCores] = useState(String(vm.cores));
  const explanationId = useId();
  const [state, formAction] = useStartedActionState(resizeVmAction, onStarted);

  const memoryValue = Number(memory);
  const coresValue = Number(cores);
  const memoryHint = memory === '' ? 'Enter a memory size.' : memoryProblem(memoryValue);
  const coresHint = cores === '' ? 'Enter a number of cores.' : coresProblem(coresValue);
  const plan =
    memoryHint || coresHint ? null : planResize(vm, { memory: memoryValue, cores: coresValue });

  return (
    <DetailCard id="vm-resize" title="Cores and memory">
      <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
        <input type="hidden" name="vm_id" value={vmId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            name="cores"
            id="resize-cores"
            label="Cores"
            type="number"
            inputMode="numeric"
            min={CORES.min}
            max={CORES.max}
            value={cores}
            onChange={(event) => setCores(event.target.value)}
            error={
              fieldError(state, 'cores') ??
              (cores !== String(vm.cores) ? (coresHint ?? undefined) : undefined)
            }
          />
          <TextField
            name="memory"
            id="resize-memory"
            label="Memory (MB)"
            type="number"
            inputMode="numeric"
            min={MEMORY_MB.min}
            max={MEMORY_MB.max}
            step={MEMORY_MB.step}
            value={memory}
            onChange={(event) => setMemory(event.target.value)}
            hint={`Live up to ${formatMemory(vm.vmMaxMemory)} (${vm.vmMaxMemory} MB, this VM's live maximum).`}
            error={
              fieldError(state, 'memory') ??
              (memory !== String(vm.memory) ? (memoryHint ?? undefined) : undefined)
            }
          />
        </div>
        <p
          id={explanationId}
          aria-live="polite"
          className={
            plan?.needsReboot
              ? 'rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200'
              : 'text-sm text-zinc-700 dark:text-zinc-300'
          }
        >
          {plan ? (
            <>
              <strong>
                {plan.needsReboot ? 'Needs a restart. ' : plan.changed ? 'No restart. ' : ''}
              </strong>
              {plan.explanation}
            </>
          ) : (
            'Fix the values above to see what the change means.'
          )}
        </p>
        <CostEstimate
          delta={plan ? vmResizeDelta(vm, { cores, memoryMb: memory }) : null}
          billedNow={vm.state === 'running'}
        />
        {plan?.needsReboot ? (
          <div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="accept_reboot"
                aria-describedby={`${explanationId} ${fieldErrorId('accept_reboot')}`}
              />
              Restart the VM to apply this change
            </label>
            <FieldError
              id={fieldErrorId('accept_reboot')}
              message={fieldError(state, 'accept_reboot')}
            />
          </div>
        ) : null}
        <ActionMessage state={state} />
        <SubmitButton
          disabled={!plan?.changed || disabledBy !== undefined}
          aria-describedby={disabledBy ? `${explanationId} ${disabledBy}` : explanationId}
          pendingLabel="Applying…"
        >
          {plan?.needsReboot ? 'Apply and restart' : 'Apply'}
        </SubmitButton>
        {state.status === 'error' && offersApproval(state.message) ? (
          // Nothing reached Gandi: the same change can go to the team's admins instead.
          <ApprovalRequestButton action={requestVmResizeApprovalAction} />
        ) : null}
      </ActionForm>
    </DetailCard>
  );
}
