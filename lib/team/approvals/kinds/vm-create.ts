import 'server-only';
import { vmCreateFrom } from '@/lib/gandi';
import { passwordSealer } from '../password-seal';
import {
  describeVmCreate,
  toCreateFromCall,
  VM_CREATE_ACTION,
  vmCreateParamsSchema,
} from '../vm-create-request';
import { defineKind } from './request-kind';

/** A wizard creation: the stored `create_from` call, its password unsealed only now. */
export const vmCreateKind = defineKind({
  action: VM_CREATE_ACTION,
  params: vmCreateParamsSchema,
  creates: true,
  describe: (params) => describeVmCreate(params) ?? 'Create a VM',
  run: async (params, { conn, workspaceId }) => {
    const call = toCreateFromCall(params, passwordSealer(workspaceId).unseal);
    return { operations: await vmCreateFrom(conn, call.vmSpec, call.diskSpec, call.srcDiskId) };
  },
});
