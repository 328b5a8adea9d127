'use client';

import { useSearchParams } from 'next/navigation';
import { useActionState, useEffect, useRef, useState, useTransition } from 'react';
import { checkHostnameAction, createVmAction } from '@/app/(panel)/vms/actions';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { idleState, type ActionState } from '@/lib/action-state';
import type { CreatedVm } from '@/lib/dal/vm-mutations';
import type { CreateVmInput } from '@/lib/validation/vm';
import { AccessStep } from './access-step';
import { CreationProgress } from './creation-progress';
import { DatacenterStep } from './datacenter-step';
import { ImageStep } from './image-step';
import { NetworkStep } from './network-step';
import { ReviewStep } from './review-step';
import { SizeStep } from './size-step';
import { SummaryPanel } from './summary-panel';
import { useHydrated } from './use-hydrated';
import {
  INITIAL_DRAFT,
  STEP_OF_FIELD,
  WIZARD_STEPS,
  chooseDatacenter,
  chooseImage,
  draftToInput,
  imagesOf,
  selectedImage,
  stepErrors,
  vlansOf,
  type FieldErrors,
  type StepId,
  type WizardCatalog,
  type WizardDraft,
} from './wizard-model';

const STEP_INDEX = new Map(WIZARD_STEPS.map((step, index) => [step.id, index]));
const indexOf = (step: StepId) => STEP_INDEX.get(step) ?? 0;
const isStepId = (value: string | null): value is StepId =>
  value !== null && STEP_INDEX.has(value as StepId);

/**
 * The choices survive leaving the wizard and coming back (Back then Forward, a reload): kept in
 * this tab's sessionStorage under the wizard's token — without the root password, which stays in
 * memory only.
 */
const draftKey = (token: string) => `vm-wizard:${token}`;

function storedDraft(token: string): WizardDraft | null {
  try {
    const raw = window.sessionStorage.getItem(draftKey(token));
    return raw ? { ...INITIAL_DRAFT, ...(JSON.parse(raw) as Partial<WizardDraft>) } : null;
  } catch {
    return null;
  }
}

/** Which draft fields each action field comes from (to clear a server error on edit). */
const FIELDS_OF_DRAFT: Partial<Record<keyof WizardDraft, (keyof CreateVmInput)[]>> = {
  datacenterId: ['datacenter_id'],
  srcDiskId: ['src_disk_id', 'disk_size'],
  cores: ['cores'],
  memory: ['memory'],
  diskSizeGb: ['disk_size'],
  ipMode: ['ip_mode'],
  bandwidth: ['bandwidth'],
  vlanId: ['vlan_id'],
  hostname: ['hostname'],
  password: ['password'],
  sshKeyIds: ['ssh_key_ids', 'password'],
};

export interface VmWizardProps {
  catalog: WizardCatalog;
  /** Made when the wizard opened; every submit of this wizard carries it (one VM per token). */
  token: string;
  /** The result of an earlier submit with this token (after a reload), shown instead of the form. */
  initialCreation: CreatedVm | null;
}

export function VmWizard({ catalog, token, initialCreation }: VmWizardProps) {
  const [draft, setDraft] = useState<WizardDraft>(INITIAL_DRAFT);
  // The step lives in the URL (`?step=`), so the browser's Back and Forward move between steps.
  const searchParams = useSearchParams();
  const urlStep = searchParams.get('step');
  const [restored, setRestored] = useState(false);
  const [checkingHostname, startHostnameCheck] = useTransition();
  const [checkedSteps, setCheckedSteps] = useState<ReadonlySet<StepId>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hydrated = useHydrated();
  const stepChanged = useRef(false);

  const [state, formAction] = useActionState(
    async (prev: ActionState<CreatedVm>, formData: FormData) => {
      const result = await createVmAction(prev, formData);
      if (result.status === 'error' && result.fieldErrors) {
        const errors: FieldErrors = {};
        for (const [field, messages] of Object.entries(result.fieldErrors)) {
          if (field in STEP_OF_FIELD && messages[0])
            errors[field as keyof CreateVmInput] = messages[0];
        }
        setServerErrors(errors);
        const steps = Object.keys(errors).map(
          (field) => STEP_OF_FIELD[field as keyof CreateVmInput],
        );
        const first = steps.sort((a, b) => indexOf(a) - indexOf(b))[0];
        if (first) goTo(first);
      }
      return result;
    },
    idleState,
  );

  // A step is shown once every step before it is complete: a URL ahead of the choices (typed, or
  // a password that was not kept) falls back to the first step that still needs something.
  const firstIncomplete =
    WIZARD_STEPS.find((item) => Object.keys(stepErrors(item.id, draft, catalog)).length > 0)?.id ??
    'review';
  const requested: StepId = isStepId(urlStep) ? urlStep : 'datacenter';
  const step = indexOf(requested) <= indexOf(firstIncomplete) ? requested : firstIncomplete;

  useEffect(() => {
    const saved = storedDraft(token);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage exists only after hydration
    if (saved) setDraft(saved);
    setRestored(true);
  }, [token]);
  useEffect(() => {
    if (!restored) return;
    const { password: _password, ...kept } = draft;
    try {
      window.sessionStorage.setItem(draftKey(token), JSON.stringify(kept));
    } catch {
      // Storage full or disabled: the wizard still works, it just forgets on reload.
    }
  }, [draft, restored, token]);

  // Move focus to the new step's heading (not on first render), for keyboard and screen readers.
  useEffect(() => {
    if (!stepChanged.current) return;
    headingRef.current?.focus();
  }, [step]);

  const created = state.status === 'ok' ? state.data : initialCreation;
  if (created) return <CreationProgress created={created} />;

  function goTo(target: StepId, mode: 'push' | 'replace' = 'push') {
    stepChanged.current = true;
    const url = new URL(window.location.href);
    url.searchParams.set('step', target);
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  function update(patch: Partial<WizardDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
    clearServerErrors(Object.keys(patch) as (keyof WizardDraft)[]);
  }

  function clearServerErrors(keys: (keyof WizardDraft)[]) {
    const fields = keys.flatMap((key) => FIELDS_OF_DRAFT[key] ?? []);
    if (fields.length === 0) return;
    setServerErrors((current) => {
      const next = { ...current };
      for (const field of fields) delete next[field];
      return next;
    });
  }

  const errorsOf = (target: StepId): FieldErrors => ({
    ...(checkedSteps.has(target) ? stepErrors(target, draft, catalog) : {}),
    ...Object.fromEntries(
      Object.entries(serverErrors).filter(
        ([field]) => STEP_OF_FIELD[field as keyof CreateVmInput] === target,
      ),
    ),
  });
  const complete = (target: StepId) => Object.keys(stepErrors(target, draft, catalog)).length === 0;
  /** A step can be opened when every step before it is complete. */
  const reachable = (target: StepId) =>
    WIZARD_STEPS.slice(0, indexOf(target)).every((previous) => complete(previous.id));

  function next() {
    setCheckedSteps((current) => new Set(current).add(step));
    if (!complete(step)) return;
    const following = WIZARD_STEPS[indexOf(step) + 1];
    if (step !== 'access') {
      if (following) goTo(following.id);
      return;
    }
    // A hostname already in use is reported here, not at the final Create. If the check itself
    // fails, go on: the creation is refused by the API anyway, and mapped back to this step.
    const hostname = draft.hostname.trim();
    startHostnameCheck(async () => {
      const result = await checkHostnameAction({ hostname });
      if (result.status === 'ok' && result.data.taken) {
        setServerErrors((current) => ({
          ...current,
          hostname: `This account already has a VM named ${hostname}: choose another hostname.`,
        }));
        return;
      }
      if (following) goTo(following.id);
    });
  }

  const errors = errorsOf(step);
  const input = draftToInput(draft, catalog);
  const currentTitle = WIZARD_STEPS[indexOf(step)]?.title ?? '';

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-5">
        <nav aria-label="Wizard steps">
          <ol className="flex flex-wrap gap-2 text-sm">
            {WIZARD_STEPS.map((item, index) => {
              const current = item.id === step;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    onClick={() => goTo(item.id)}
                    disabled={!hydrated || (!current && !reachable(item.id))}
                    aria-current={current ? 'step' : undefined}
                    className={cn(
                      'rounded-full border px-3 py-1 disabled:cursor-not-allowed disabled:opacity-50',
                      current
                        ? 'border-teal-700 bg-teal-700 text-white dark:border-teal-400 dark:bg-teal-500 dark:text-zinc-950'
                        : 'border-zinc-300 bg-white hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800',
                    )}
                  >
                    {index + 1}. {item.title}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>

        <section
          aria-labelledby="wizard-step-heading"
          className="space-y-5 rounded-lg border border-zinc-200 bg-white p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2
            id="wizard-step-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-lg font-semibold focus:outline-none"
          >
            Step {indexOf(step) + 1} of {WIZARD_STEPS.length}: {currentTitle}
          </h2>

          {/* Choices made before hydration would not reach React's state: wait for it. */}
          <fieldset disabled={!hydrated} className="min-w-0 space-y-5">
            {step === 'datacenter' ? (
              <DatacenterStep
                datacenters={catalog.datacenters}
                value={draft.datacenterId}
                error={errors.datacenter_id}
                onChoose={(id) => {
                  setDraft((current) => chooseDatacenter(current, catalog, id));
                  clearServerErrors(['datacenterId', 'srcDiskId']);
                }}
              />
            ) : null}
            {step === 'image' ? (
              <ImageStep
                images={imagesOf(catalog, draft.datacenterId)}
                value={draft.srcDiskId}
                error={errors.src_disk_id}
                onChoose={(image) => {
                  setDraft((current) => chooseImage(current, image));
                  clearServerErrors(['srcDiskId']);
                }}
              />
            ) : null}
            {step === 'size' ? (
              <SizeStep
                draft={draft}
                image={selectedImage(catalog, draft)}
                errors={errors}
                onChange={update}
              />
            ) : null}
            {step === 'network' ? (
              <NetworkStep
                ipMode={draft.ipMode}
                bandwidth={draft.bandwidth}
                vlans={vlansOf(catalog, draft.datacenterId)}
                vlanId={draft.vlanId}
                onChange={update}
              />
            ) : null}
            {step === 'access' ? (
              <AccessStep
                draft={draft}
                sshKeys={catalog.sshKeys}
                errors={errors}
                onChange={update}
              />
            ) : null}
            {step === 'review' && input ? (
              <ReviewStep
                token={token}
                input={input}
                formAction={formAction}
                message={
                  state.status === 'error'
                    ? (errors.token ?? (state.fieldErrors ? undefined : state.message))
                    : undefined
                }
              />
            ) : null}
          </fieldset>

          <div className="flex flex-wrap justify-between gap-2 border-t border-zinc-100 pt-4 dark:border-zinc-800">
            <Button
              variant="secondary"
              onClick={() => {
                const previous = WIZARD_STEPS[indexOf(step) - 1];
                if (previous) goTo(previous.id);
              }}
              disabled={!hydrated || indexOf(step) === 0}
            >
              Back
            </Button>
            {step !== 'review' ? (
              <Button onClick={next} disabled={!hydrated || checkingHostname}>
                {checkingHostname ? 'Checking…' : 'Next'}
              </Button>
            ) : null}
          </div>
        </section>
      </div>
      <SummaryPanel draft={draft} catalog={catalog} />
    </div>
  );
}
