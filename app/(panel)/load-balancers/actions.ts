'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import {
  addBackend,
  addVhost,
  changeBackend,
  createRproxy,
  deleteRproxy,
  removeVhost,
  saveOrTestProbe,
  updateRproxySettings,
} from '@/lib/dal/rproxy-mutations';
import {
  addBackendSchema,
  backendActionSchema,
  createRproxySchema,
  deleteRproxySchema,
  probeSchema,
  updateRproxySchema,
  vhostSchema,
} from '@/lib/validation/rproxy';

// Thin on purpose: the checks and the mapping of the API's refusals are in lib/dal/rproxy-mutations.ts.

const detail = (id: number) => revalidatePath(`/load-balancers/${id}`);

export const createRproxyAction = defineAction(
  createRproxySchema,
  async (input, ctx) => {
    // Team members: the gate counts it against the 'Load balancers' quota.
    const result = await createRproxy(ctx.conn, input);
    if (result.kind === 'started') revalidatePath('/load-balancers');
    return result;
  },
  { permission: 'rproxy.create' },
);

export const addBackendAction = defineAction(
  addBackendSchema,
  async (input, { conn }) => {
    const result = await addBackend(conn, input);
    detail(input.rproxy_id);
    return result;
  },
  { permission: 'rproxy.update' },
);

export const changeBackendAction = defineAction(
  backendActionSchema,
  async (input, { conn }) => {
    const result = await changeBackend(conn, input);
    detail(input.rproxy_id);
    return result;
  },
  { permission: 'rproxy.update' },
);

export const addVhostAction = defineAction(
  vhostSchema,
  async (input, { conn }) => {
    const result = await addVhost(conn, input);
    if (result.kind === 'started') detail(input.rproxy_id);
    return result;
  },
  { permission: 'rproxy.update' },
);

export const removeVhostAction = defineAction(
  vhostSchema,
  async (input, { conn }) => {
    const result = await removeVhost(conn, input);
    detail(input.rproxy_id);
    return result;
  },
  { permission: 'rproxy.update' },
);

export const updateRproxyAction = defineAction(
  updateRproxySchema,
  async (input, { conn }) => {
    const result = await updateRproxySettings(conn, input);
    detail(input.rproxy_id);
    return result;
  },
  { permission: 'rproxy.update' },
);

export const probeAction = defineAction(
  probeSchema,
  async (input, { conn }) => {
    const result = await saveOrTestProbe(conn, input);
    if (result.kind === 'saved') detail(input.rproxy_id);
    return result;
  },
  { permission: 'rproxy.update' },
);

export const deleteRproxyAction = defineAction(
  deleteRproxySchema,
  // No revalidation: the detail page would re-render as "not found" (see deleteVlanAction).
  async ({ rproxy_id, confirm_name }, { conn }) => deleteRproxy(conn, rproxy_id, confirm_name),
  { permission: 'rproxy.delete' },
);
