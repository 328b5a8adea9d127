'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import {
  attachIface,
  createPublicIface,
  deleteIface,
  detachIface,
  setReverse,
} from '@/lib/dal/network';
import {
  createPublicIfaceSchema,
  ifaceAttachSchema,
  ifaceDetachSchema,
  ifaceIdSchema,
  ipUpdateSchema,
} from '@/lib/validation/network';

// Thin on purpose: parsing, session and error mapping are defineAction's; the work is in
// lib/dal/network.ts. Pages refresh themselves when the operations settle.

export const createPublicIfaceAction = defineAction(
  createPublicIfaceSchema,
  async (input, { conn }) => {
    const created = await createPublicIface(conn, input);
    revalidatePath('/network');
    return created;
  },
);

export const attachIfaceAction = defineAction(ifaceAttachSchema, async (input, { conn }) => {
  const result = await attachIface(conn, input.iface_id, input.vm_id);
  revalidatePath(`/network/interfaces/${input.iface_id}`);
  return result;
});

export const detachIfaceAction = defineAction(ifaceDetachSchema, async (input, { conn }) => {
  const result = await detachIface(conn, input.iface_id, input.vm_id);
  revalidatePath(`/network/interfaces/${input.iface_id}`);
  return result;
});

export const deleteIfaceAction = defineAction(ifaceIdSchema, async ({ iface_id }, { conn }) => {
  const result = await deleteIface(conn, iface_id);
  revalidatePath('/network');
  return result;
});

export const setReverseAction = defineAction(ipUpdateSchema, async (input, { conn }) => {
  const result = await setReverse(conn, input.ip_id, input.reverse);
  revalidatePath('/network');
  return result;
});
