import { Badge } from '@/components/ui/badge';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { formatMemory } from '@/components/vms/format';
import { ChoiceCard, StepFieldset } from './choice-card';
import type { WizardImage } from './wizard-model';

export function ImageStep({
  images,
  value,
  error,
  onChoose,
}: {
  images: WizardImage[];
  value: number | null;
  error?: string | undefined;
  onChoose: (image: WizardImage) => void;
}) {
  const errorId = fieldErrorId('src_disk_id');
  const sorted = [...images].sort(
    (a, b) => Number(a.deprecated) - Number(b.deprecated) || a.label.localeCompare(b.label),
  );
  return (
    <StepFieldset
      legend="Which system image?"
      description="Only the images of the chosen datacenter are listed."
      errorId={errorId}
    >
      {sorted.length === 0 ? (
        <p className="text-sm">This datacenter offers no image. Choose another datacenter.</p>
      ) : (
        <div className="grid gap-2 sm:grid-cols-2">
          {sorted.map((image) => (
            <ChoiceCard
              key={image.diskId}
              name="wizard-image"
              value={String(image.diskId)}
              checked={value === image.diskId}
              onChange={() => onChoose(image)}
              title={
                <span className="flex flex-wrap items-center gap-2">
                  {image.label}
                  {image.deprecated ? <Badge tone="warning">Deprecated</Badge> : null}
                </span>
              }
              details={`${image.osArch}${image.size ? ` · ${formatMemory(image.size)}` : ''}`}
              note={
                image.deprecated ? (
                  <span className="text-amber-800 dark:text-amber-300">
                    No longer maintained: prefer a current image.
                  </span>
                ) : undefined
              }
            />
          ))}
        </div>
      )}
      <FieldError id={errorId} message={error} />
    </StepFieldset>
  );
}
