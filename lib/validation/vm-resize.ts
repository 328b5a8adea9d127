/**
 * What a change of cores/memory means for a VM, computed BEFORE submit so the form can say it.
 *
 * Memory can change live only up to `vm_max_memory` (the page tables are sized for it at boot).
 * Going above it on a running VM needs a new `vm_max_memory` and a restart; gandi.cli
 * (`modules/iaas.py required_max_memory`) picks `max(2**ceil(log2(memory)), 2048)` and refuses
 * to go on without `--reboot`. A halted VM simply boots with the new maximum.
 */
import type { VmUpdateSpec } from '@/lib/gandi/types';

export interface ResizableVm {
  state: string;
  memory: number;
  cores: number;
  vmMaxMemory: number;
}

export interface ResizePlan {
  /** What `hosting.vm.update` receives; empty when nothing changes. */
  spec: VmUpdateSpec;
  changed: boolean;
  /** True when the VM is running and must restart for the change to apply. */
  needsReboot: boolean;
  /** One sentence for the form. */
  explanation: string;
}

/** gandi.cli's recommended `vm_max_memory` for a memory size (MB). */
export function recommendedMaxMemory(memoryMb: number): number {
  return Math.max(2 ** Math.ceil(Math.log2(memoryMb)), 2048);
}

export function planResize(vm: ResizableVm, wanted: { memory: number; cores: number }): ResizePlan {
  const spec: VmUpdateSpec = {};
  if (wanted.cores !== vm.cores) spec.cores = wanted.cores;
  if (wanted.memory !== vm.memory) spec.memory = wanted.memory;
  const changed = spec.cores !== undefined || spec.memory !== undefined;
  if (!changed) {
    return { spec, changed, needsReboot: false, explanation: 'Nothing to change.' };
  }

  const crossesMax = spec.memory !== undefined && spec.memory > vm.vmMaxMemory;
  if (!crossesMax) {
    return {
      spec,
      changed,
      needsReboot: false,
      explanation:
        vm.state === 'running'
          ? 'Applied live: the VM keeps running.'
          : 'Applied now; the VM is not running.',
    };
  }

  const maxMemory = recommendedMaxMemory(wanted.memory);
  spec.vm_max_memory = maxMemory;
  if (vm.state === 'running') {
    return {
      spec,
      changed,
      needsReboot: true,
      explanation:
        `${wanted.memory} MB is above this VM's live maximum of ${vm.vmMaxMemory} MB: ` +
        `the maximum becomes ${maxMemory} MB and the VM restarts to apply it.`,
    };
  }
  return {
    spec,
    changed,
    needsReboot: false,
    explanation:
      `${wanted.memory} MB is above the current maximum of ${vm.vmMaxMemory} MB: ` +
      `the maximum becomes ${maxMemory} MB, used when the VM next starts.`,
  };
}
