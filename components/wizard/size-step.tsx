import { TextField } from '@/components/ui/input';
import {
  CORES,
  DISK_MAX_MB,
  DISK_STEP_MB,
  MEMORY_MB,
  minimumDiskSizeMb,
} from '@/lib/validation/vm';
import { StepFieldset } from './choice-card';
import type { FieldErrors, WizardDraft, WizardImage } from './wizard-model';

export function SizeStep({
  draft,
  image,
  errors,
  onChange,
}: {
  draft: WizardDraft;
  image: WizardImage | null;
  errors: FieldErrors;
  onChange: (patch: Partial<WizardDraft>) => void;
}) {
  const minGb = minimumDiskSizeMb(image?.size ?? null) / DISK_STEP_MB;
  return (
    <StepFieldset legend="How big?">
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="wizard-cores"
          id="cores"
          label="Cores"
          type="number"
          inputMode="numeric"
          min={CORES.min}
          max={CORES.max}
          value={draft.cores}
          onChange={(event) => onChange({ cores: event.target.value })}
          hint={`${CORES.min} to ${CORES.max}; can change later without a restart.`}
          error={errors.cores}
        />
        <TextField
          name="wizard-memory"
          id="memory"
          label="Memory (MB)"
          type="number"
          inputMode="numeric"
          min={MEMORY_MB.min}
          max={MEMORY_MB.max}
          step={MEMORY_MB.step}
          value={draft.memory}
          onChange={(event) => onChange({ memory: event.target.value })}
          hint={`At least ${MEMORY_MB.min}, a multiple of ${MEMORY_MB.step}.`}
          error={errors.memory}
        />
        <TextField
          name="wizard-disk"
          id="disk_size"
          label="System disk (GB)"
          type="number"
          inputMode="numeric"
          min={minGb}
          max={DISK_MAX_MB / DISK_STEP_MB}
          value={draft.diskSizeGb}
          onChange={(event) => onChange({ diskSizeGb: event.target.value })}
          hint={`At least ${minGb} GB to hold ${image?.label ?? 'the image'}.`}
          error={errors.disk_size}
        />
      </div>
    </StepFieldset>
  );
}
