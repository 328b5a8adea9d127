import 'server-only';
import { z } from 'zod';
import { ActionError } from '@/lib/action';
import { vmCreateFrom, type DiskSpec, type VmSpec } from '@/lib/gandi';
import { defineKind } from './request-kind';

export const TEMPLATE_LAUNCH_ACTION = 'template.launch';

export const templateLaunchParams = z.object({
  template_id: z.uuid(),
  template_name: z.string(),
  hostname: z.string().min(1),
  note: z.string().default(''),
});

/** A template launch over quota or above the policy's cores: the template as it is when run. */
export const templateLaunchKind = defineKind({
  action: TEMPLATE_LAUNCH_ACTION,
  params: templateLaunchParams,
  creates: true,
  describe: ({ template_name, hostname, note }) => {
    const what = `Launch “${template_name}” as ${hostname}`;
    return note !== '' ? `${what} — “${note}”` : what;
  },
  run: async ({ template_id, hostname }, { conn, workspaceId, call }) => {
    // What the admin approved is the stored call (the template may have changed since); the
    // gated connection validates its arguments again as it sends it.
    if (call?.method === 'hosting.vm.create_from') {
      const [vmSpec, diskSpec, srcDiskId] = call.args as [VmSpec, DiskSpec, number];
      return { operations: await vmCreateFrom(conn, vmSpec, diskSpec, srcDiskId) };
    }
    const [{ getTemplateStore }, { launchTemplate }] = await Promise.all([
      import('@/lib/team/templates/template-store'),
      import('@/lib/team/templates/launch'),
    ]);
    const template = await (await getTemplateStore()).get(workspaceId, template_id);
    if (!template) throw new ActionError('The template of this request no longer exists.');
    return launchTemplate(conn, template.spec, hostname);
  },
});
