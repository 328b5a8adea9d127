'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState, useState } from 'react';
import { signInAction } from '@/app/login/actions';
import { fieldError, idleState } from '@/lib/action-state';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/input';

export interface EndpointChoice {
  id: string;
  label: string;
}

export function SignInForm({ endpoints }: { endpoints: EndpointChoice[] }) {
  const [state, formAction] = useActionState(signInAction, idleState);
  // Controlled, so a failed attempt (React resets uncontrolled fields) keeps the chosen endpoint.
  const [endpointId, setEndpointId] = useState(endpoints[0]?.id ?? '');
  return (
    <ActionForm action={formAction} state={state} className="space-y-4" noValidate>
      <TextField
        name="apiKey"
        label="API key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        required
        hint="Your Gandi Hosting API key: 24 lowercase letters and digits."
        error={fieldError(state, 'apiKey')}
      />
      <SelectField
        name="endpointId"
        label="Endpoint"
        value={endpointId}
        onChange={(event) => setEndpointId(event.target.value)}
        options={endpoints.map((endpoint) => ({ value: endpoint.id, label: endpoint.label }))}
        error={fieldError(state, 'endpointId')}
      />
      <ActionMessage state={state} includeFieldErrors />
      <SubmitButton className="w-full" pendingLabel="Checking the key…">
        Sign in
      </SubmitButton>
    </ActionForm>
  );
}
