'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import {
  attachIface,
  createPublicIface,
  deleteIface,
  detachIface,
  ifaceLabel,
  setReverse,
} from '@/lib/dal/network';
import {
  createPublicIfaceSchema,
  ifaceAttachSchema,
  ifaceDetachSchema,
  ifaceIdSchema,
  ipUpdateSchema,
} from '@/lib/validation/network';
import { holdDelete } from '@/lib/team/approvals/policy-hook';

// Thin on purpose: parsing, session and error mapping are defineAction's; the work is in
// lib/dal/network.ts. Pages refresh themselves when the operations settle.

export const createPublicIfaceAction = defineAction(
  createPublicIfaceSchema,
  async (input, ctx) => {
    // Team members: the gate decides the create call (an IPv4 address counts in the quotas).
    const created = await createPublicIface(ctx.conn, input);
    revalidatePath('/network');
    return created;
  },
  {
    permission: 'iface.create',
    resource: ({ vm_id }) => (vm_id === undefined ? null : { kind: 'vm', id: vm_id }),
  },
);

export const attachIfaceAction = defineAction(
  ifaceAttachSchema,
  async (input, { conn }) => {
    const result = await attachIface(conn, input.iface_id, input.vm_id);
    revalidatePath(`/network/interfaces/${input.iface_id}`);
    return result;
  },
  {
    permission: 'iface.attach',
    resource: ({ iface_id, vm_id }) => [
      { kind: 'iface', id: iface_id },
      { kind: 'vm', id: vm_id },
    ],
  },
);

export const detachIfaceAction = defineAction(
  ifaceDetachSchema,
  async (input, { conn }) => {
    const result = await detachIface(conn, input.iface_id, input.vm_id);
    revalidatePath(`/network/interfaces/${input.iface_id}`);
    return result;
  },
  {
    permission: 'iface.detach',
    resource: ({ iface_id, vm_id }) => [
      { kind: 'iface', id: iface_id },
      { kind: 'vm', id: vm_id },
    ],
  },
);

/**
 * No revalidation here: it would re-render the interface's page in this very response, and if
 * the deletion is already done that page is "not found" and the browser never gets to follow
 * the operation and go back to the list (the list is rendered fresh on navigation anyway).
 */
export const deleteIfaceAction = defineAction(
  ifaceIdSchema,
  async ({ iface_id }, ctx) => {
    // An operator's delete under the "deletes need approval" policy becomes a request.
    const call = { method: 'hosting.iface.delete', args: [iface_id] };
    const held = await holdDelete(ctx, 'iface.delete', call, async () => ({
      iface_id,
      label: await ifaceLabel(ctx.conn, iface_id),
    }));
    return held ?? deleteIface(ctx.conn, iface_id);
  },
  { permission: 'iface.delete', resource: ({ iface_id }) => ({ kind: 'iface', id: iface_id }) },
);

export const setReverseAction = defineAction(
  ipUpdateSchema,
  async (input, { conn }) => {
    const result = await setReverse(conn, input.ip_id, input.reverse);
    revalidatePath('/network');
    return result;
  },
  { permission: 'ip.update', resource: ({ ip_id }) => ({ kind: 'ip', id: ip_id }) },
);
