'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState, useState } from 'react';
import { CostEstimate } from '@/components/cost/cost-estimate';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatBandwidth } from '@/components/vms/format';
import { fieldError, idleState } from '@/lib/action-state';
import { vmCreationDelta } from '@/lib/cost/deltas';
import { BANDWIDTH_CHOICES_KBPS, DEFAULT_BANDWIDTH_KBPS } from '@/lib/validation/vm';
import type { LaunchRole, TemplateSpec } from '@/lib/team/templates/template-schema';
import { createTemplateAction, updateTemplateAction } from './actions';

export interface TemplateChoices {
  datacenters: { id: number; label: string }[];
  images: { diskId: number; datacenterId: number; label: string }[];
  sshKeys: { id: number; name: string }[];
  profiles: { id: number; name: string }[];
}

/** A stored template, when the form edits it. */
export interface EditedTemplate {
  id: string;
  name: string;
  spec: TemplateSpec;
  roles: LaunchRole[];
}

/**
 * Admins define a template: the wizard's choices minus the hostname, plus script and profile.
 * With `template`, the same form (and the same server rules) edits that one.
 */
export function TemplateForm({
  choices,
  template,
}: {
  choices: TemplateChoices;
  template?: EditedTemplate;
}) {
  const [state, formAction] = useActionState(
    template ? updateTemplateAction : createTemplateAction,
    idleState,
  );
  const spec = template?.spec;
  const [dcId, setDcId] = useState(String(spec?.datacenter_id ?? choices.datacenters[0]?.id ?? ''));
  const [cores, setCores] = useState(String(spec?.cores ?? 1));
  const [memory, setMemory] = useState(String(spec?.memory ?? 1024));
  const [diskGb, setDiskGb] = useState(String(spec ? spec.disk_size / 1024 : 10));
  const [ipMode, setIpMode] = useState<string>(spec?.ip_mode ?? 'dual');
  const images = choices.images.filter((image) => String(image.datacenterId) === dcId);
  const error = (field: string) => fieldError(state, field);
  // Ids stay unique when an edit form shares the page with the new-template form.
  const idOf = (field: string) =>
    template ? `template-${template.id}-${field}` : `template-${field}`;

  return (
    <ActionForm
      action={formAction}
      state={state}
      aria-label={template ? `Edit template ${template.name}` : undefined}
      className="max-w-2xl space-y-4"
      noValidate
    >
      {template ? <input type="hidden" name="template_id" value={template.id} /> : null}
      <TextField
        name="name"
        id={idOf('name')}
        label="Template name"
        defaultValue={template?.name}
        error={error('name')}
      />
      <SelectField
        name="datacenter_id"
        id={idOf('dc')}
        label="Datacenter"
        value={dcId}
        onChange={(event) => setDcId(event.target.value)}
        options={choices.datacenters.map((dc) => ({ value: String(dc.id), label: dc.label }))}
        error={error('datacenter_id')}
      />
      <SelectField
        name="src_disk_id"
        id={idOf('image')}
        label="Image"
        placeholder="Choose an image"
        defaultValue={spec ? String(spec.src_disk_id) : undefined}
        options={images.map((image) => ({ value: String(image.diskId), label: image.label }))}
        error={error('src_disk_id')}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="cores"
          id={idOf('cores')}
          label="Cores"
          type="number"
          value={cores}
          onChange={(event) => setCores(event.target.value)}
          error={error('cores')}
        />
        <TextField
          name="memory"
          id={idOf('memory')}
          label="Memory (MB)"
          type="number"
          step={64}
          value={memory}
          onChange={(event) => setMemory(event.target.value)}
          error={error('memory')}
        />
        <TextField
          name="disk_size_gb"
          id={idOf('disk')}
          label="System disk (GB)"
          type="number"
          value={diskGb}
          onChange={(event) => setDiskGb(event.target.value)}
          error={error('disk_size_gb')}
        />
      </div>
      <SelectField
        name="ip_mode"
        id={idOf('ip-mode')}
        label="Addresses"
        value={ipMode}
        onChange={(event) => setIpMode(event.target.value)}
        options={[
          { value: 'dual', label: 'IPv4 + IPv6' },
          { value: 'ipv6', label: 'IPv6 only' },
        ]}
        error={error('ip_mode')}
      />
      <SelectField
        name="bandwidth"
        id={idOf('bandwidth')}
        label="Bandwidth"
        defaultValue={String(spec?.bandwidth ?? DEFAULT_BANDWIDTH_KBPS)}
        options={BANDWIDTH_CHOICES_KBPS.map((kbps) => ({
          value: String(kbps),
          label: formatBandwidth(kbps),
        }))}
        error={error('bandwidth')}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">SSH keys (templates carry no password)</legend>
        {choices.sshKeys.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The account has no SSH key yet: add one first.
          </p>
        ) : null}
        {choices.sshKeys.map((key) => (
          <label key={key.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="ssh_key_ids"
              value={key.id}
              defaultChecked={spec?.ssh_key_ids.includes(key.id)}
            />
            {key.name}
          </label>
        ))}
        {error('ssh_key_ids') ? (
          <p className="text-sm text-red-700 dark:text-red-400">{error('ssh_key_ids')}</p>
        ) : null}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={idOf('run')} className="block text-sm font-medium">
          First-boot script (optional)
        </label>
        <textarea
          id={idOf('run')}
          name="run"
          defaultValue={spec?.run}
          rows={4}
          className="w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-900"
        />
        {error('run') ? (
          <p className="text-sm text-red-700 dark:text-red-400">{error('run')}</p>
        ) : null}
      </div>
      <SelectField
        name="snapshot_profile"
        id={idOf('profile')}
        label="Snapshot profile of the system disk"
        placeholder="None"
        defaultValue={spec?.snapshot_profile != null ? String(spec.snapshot_profile) : undefined}
        options={choices.profiles.map((p) => ({ value: String(p.id), label: p.name }))}
        error={error('snapshot_profile')}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Who may launch it (owners always may)</legend>
        {(['admin', 'operator'] as const).map((role) => (
          <label key={role} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="roles"
              value={role}
              defaultChecked={template ? template.roles.includes(role) : true}
            />
            {role === 'admin' ? 'Admins' : 'Operators'}
          </label>
        ))}
      </fieldset>
      <CostEstimate
        title="Cost per VM launched"
        delta={vmCreationDelta({ cores, memoryMb: memory, diskGb, ipMode })}
      />
      <ActionMessage state={state} includeFieldErrors />
      {state.status === 'ok' ? (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          Template “{state.data.name}” saved.
        </p>
      ) : null}
      <SubmitButton pendingLabel="Saving…">
        {template ? 'Save changes' : 'Save template'}
      </SubmitButton>
    </ActionForm>
  );
}
