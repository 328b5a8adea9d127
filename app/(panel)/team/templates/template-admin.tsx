'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState } from '@/lib/action-state';
import { deleteTemplateAction } from './actions';
import { TemplateForm, type EditedTemplate, type TemplateChoices } from './template-form';

/**
 * An admin's edit and delete of one template. The edit form is mounted only when opened, so the
 * page holds one set of labelled fields at a time; a delete names the template before it runs.
 */
export function TemplateAdmin({
  template,
  choices,
}: {
  template: EditedTemplate;
  choices: TemplateChoices;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleteState, deleteAction] = useActionState(deleteTemplateAction, idleState);

  return (
    <div className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={editing}
          onClick={() => setEditing((open) => !open)}
        >
          {editing ? 'Close the editor' : 'Edit template'}
        </Button>
        {confirming ? (
          <ActionForm
            action={deleteAction}
            state={deleteState}
            className="flex flex-wrap items-center gap-2"
          >
            <input type="hidden" name="template_id" value={template.id} />
            <span className="text-sm">
              Delete “{template.name}”? Members can no longer launch it.
            </span>
            <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
              Delete “{template.name}”
            </SubmitButton>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </ActionForm>
        ) : (
          <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
            Delete template
          </Button>
        )}
      </div>
      <ActionMessage state={deleteState} includeFieldErrors />
      {editing ? <TemplateForm choices={choices} template={template} /> : null}
    </div>
  );
}
