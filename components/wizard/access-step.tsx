'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/input';
import { consoleUnusable } from '@/lib/validation/vm';
import { ChoiceCard, StepFieldset } from './choice-card';
import { generatePassword } from './generate-password';
import type { FieldErrors, WizardDraft, WizardSshKey } from './wizard-model';

export function AccessStep({
  draft,
  sshKeys,
  errors,
  onChange,
}: {
  draft: WizardDraft;
  sshKeys: WizardSshKey[];
  errors: FieldErrors;
  onChange: (patch: Partial<WizardDraft>) => void;
}) {
  const [reveal, setReveal] = useState(false);
  const toggleKey = (id: number) =>
    onChange({
      sshKeyIds: draft.sshKeyIds.includes(id)
        ? draft.sshKeyIds.filter((keyId) => keyId !== id)
        : [...draft.sshKeyIds, id],
    });
  const keysErrorId = fieldErrorId('ssh_key_ids');
  return (
    <div className="space-y-6">
      <TextField
        name="wizard-hostname"
        id="hostname"
        label="Hostname"
        value={draft.hostname}
        onChange={(event) => onChange({ hostname: event.target.value })}
        autoComplete="off"
        spellCheck={false}
        maxLength={63}
        hint="One label: letters, digits and hyphens, not starting or ending with a hyphen."
        error={errors.hostname}
      />
      <StepFieldset legend="Root password" description="Needed for the emergency console.">
        <TextField
          name="wizard-password"
          id="password"
          label="Password"
          type={reveal ? 'text' : 'password'}
          value={draft.password}
          onChange={(event) => onChange({ password: event.target.value })}
          autoComplete="new-password"
          hint="At least 8 characters. Leave empty to log in with SSH keys only."
          error={errors.password}
        />
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              onChange({ password: generatePassword() });
              setReveal(true);
            }}
          >
            Generate a password
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setReveal((shown) => !shown)}
            aria-pressed={reveal}
            aria-controls="password"
          >
            {reveal ? 'Hide password' : 'Show password'}
          </Button>
        </div>
        {consoleUnusable(draft.password) ? (
          <p
            role="note"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
          >
            Without a password the emergency console will be unusable: it cannot log in with SSH
            keys. Set one if you may need to repair the VM when SSH is down.
          </p>
        ) : null}
      </StepFieldset>
      <StepFieldset legend="SSH keys" errorId={keysErrorId}>
        {sshKeys.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            This account has no SSH key. Use a password, or add a key to the account first.
          </p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {sshKeys.map((key) => (
              <ChoiceCard
                key={key.id}
                type="checkbox"
                name="wizard-ssh-key"
                value={String(key.id)}
                checked={draft.sshKeyIds.includes(key.id)}
                onChange={() => toggleKey(key.id)}
                title={key.name}
                details={<span className="font-mono text-xs break-all">{key.fingerprint}</span>}
              />
            ))}
          </div>
        )}
        <FieldError id={keysErrorId} message={errors.ssh_key_ids} />
      </StepFieldset>
    </div>
  );
}
