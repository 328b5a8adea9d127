import 'server-only';
import { z } from 'zod';
import { forwardCall } from '@/lib/gandi/forward';
import type { CallParam } from '@/lib/gandi/transport';
import { describeCall } from '../../gate/describe-call';
import { defineKind, type ApprovalKind } from './request-kind';

/**
 * A call a member's tool made through the XML-RPC endpoint (issue 14) that the policy held: the
 * request is the call itself, shown in words from it and, once approved, sent as it was filed on
 * the requester's gated connection (so decided again by the gate).
 */
const callParams = z.object({
  method: z.string().min(1).max(100),
  args: z.array(z.unknown()).max(10),
});
type StoredCall = z.infer<typeof callParams>;

const xmlrpcKind = (action: string, creates: boolean): ApprovalKind<StoredCall> => ({
  action,
  params: callParams,
  creates,
  describe: (call) => `${describeCall(call)} (from a tool, through the XML-RPC endpoint)`,
  run: async (call, { conn }) => {
    const answer = await forwardCall(conn, {
      method: call.method,
      params: call.args as CallParam[],
      mutation: true,
    });
    return { operations: answer.operations };
  },
});

export const xmlrpcCreateKind = defineKind(xmlrpcKind('xmlrpc.create', true));
export const xmlrpcChangeKind = defineKind(xmlrpcKind('xmlrpc.change', false));
