'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import { createPrivateIface, createVlan, deleteVlan, updateVlan } from '@/lib/dal/vlans';
import {
  createPrivateIfaceSchema,
  createVlanSchema,
  deleteVlanSchema,
  updateVlanSchema,
} from '@/lib/validation/vlan';

// Thin on purpose: the work and the mapping of the API's refusals are in lib/dal/vlans.ts.

export const createVlanAction = defineAction(
  createVlanSchema,
  async (input, { conn }) => {
    const result = await createVlan(conn, input);
    revalidatePath('/network/vlans');
    return result;
  },
  { permission: 'vlan.create' },
);

export const updateVlanAction = defineAction(
  updateVlanSchema,
  async (input, { conn }) => {
    const result = await updateVlan(conn, input);
    revalidatePath(`/network/vlans/${input.vlan_id}`);
    return result;
  },
  { permission: 'vlan.update' },
);

export const deleteVlanAction = defineAction(
  deleteVlanSchema,
  // No revalidation: see deleteIfaceAction (the VLAN page would re-render as "not found").
  async ({ vlan_id, confirm_name }, { conn }) => deleteVlan(conn, vlan_id, confirm_name),
  { permission: 'vlan.delete' },
);

export const createPrivateIfaceAction = defineAction(
  createPrivateIfaceSchema,
  async (input, { conn }) => {
    const result = await createPrivateIface(conn, input);
    revalidatePath(`/network/vlans/${input.vlan_id}`);
    return result;
  },
  {
    permission: 'iface.create',
    resource: ({ vm_id }) => (vm_id === undefined ? null : { kind: 'vm', id: vm_id }),
  },
);
