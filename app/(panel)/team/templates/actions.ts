'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, defineAction, type ActionContext } from '@/lib/action';
import type { TeamPrincipal } from '@/lib/team/principal';
import {
  launchSchema,
  mayLaunch,
  specOf,
  templateFormSchema,
  templateUpdateSchema,
} from '@/lib/team/templates/template-schema';

/** Templates live in a team workspace; a personal session has none. */
function teamOf(ctx: ActionContext): TeamPrincipal {
  if (ctx.principal?.kind !== 'team') {
    throw new ActionError('Templates belong to a team workspace: sign in as a member.');
  }
  return ctx.principal;
}

// The storage loads lazily, inside the handlers: pages that reference these actions load no
// database code (the schemas are plain zod).

export const createTemplateAction = defineAction(
  templateFormSchema,
  async (input, ctx) => {
    const principal = teamOf(ctx);
    const { getTemplateStore } = await import('@/lib/team/templates/template-store');
    const store = await getTemplateStore();
    const id = await store.create(principal.workspaceId, principal.memberId, {
      name: input.name,
      spec: specOf(input),
      roles: input.roles,
    });
    revalidatePath('/team/templates');
    return { id, name: input.name };
  },
  { permission: 'template.manage' },
);

export const updateTemplateAction = defineAction(
  templateUpdateSchema,
  async (input, ctx) => {
    const principal = teamOf(ctx);
    const { getTemplateStore } = await import('@/lib/team/templates/template-store');
    const updated = await (
      await getTemplateStore()
    ).update(principal.workspaceId, input.template_id, {
      name: input.name,
      spec: specOf(input),
      roles: input.roles,
    });
    if (!updated) throw new ActionError('This template no longer exists.');
    revalidatePath('/team/templates');
    return { id: input.template_id, name: input.name };
  },
  { permission: 'template.manage' },
);

export const deleteTemplateAction = defineAction(
  z.object({ template_id: z.uuid() }),
  async ({ template_id }, ctx) => {
    const principal = teamOf(ctx);
    const { getTemplateStore } = await import('@/lib/team/templates/template-store');
    const removed = await (await getTemplateStore()).remove(principal.workspaceId, template_id);
    if (!removed) throw new ActionError('This template no longer exists.');
    revalidatePath('/team/templates');
    return { id: template_id };
  },
  { permission: 'template.manage' },
);

export const launchTemplateAction = defineAction(
  launchSchema,
  async ({ template_id, hostname }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getTemplateStore }, { launchTemplate }] = await Promise.all([
      import('@/lib/team/templates/template-store'),
      import('@/lib/team/templates/launch'),
    ]);
    const template = await (await getTemplateStore()).get(principal.workspaceId, template_id);
    if (!template) throw new ActionError('This template no longer exists.');
    if (!mayLaunch(principal.role, template.roles)) {
      throw new ActionError('This template is not open to your role.');
    }
    // The gate decides the launch's `create_from` for this member: its source disk, SSH keys,
    // datacenter and sizes, the quotas and the policy's cores (a template is not trusted).
    return launchTemplate(ctx.conn, template.spec, hostname);
  },
  { permission: 'template.launch' },
);
