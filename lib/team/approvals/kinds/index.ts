import 'server-only';
import { diskCreateKind, ifaceCreateKind, snapshotKind } from './creations';
import { diskDeleteKind, ifaceDeleteKind, vmDeleteKind } from './deletes';
import type { RegisteredKind } from './request-kind';
import { diskResizeKind, vmResizeKind } from './resizes';
import { templateLaunchKind } from './template-launch';
import { vmCreateKind } from './vm-create';
import { xmlrpcChangeKind, xmlrpcCreateKind } from './xmlrpc-call';

export type { RegisteredKind, RequestRun, RunContext } from './request-kind';
export { DamagedRequestError } from './request-kind';

/** Every kind of request that can wait for an approval, by its `action`. */
const KINDS: ReadonlyMap<string, RegisteredKind> = new Map(
  [
    templateLaunchKind,
    vmCreateKind,
    diskCreateKind,
    snapshotKind,
    ifaceCreateKind,
    vmResizeKind,
    diskResizeKind,
    vmDeleteKind,
    diskDeleteKind,
    ifaceDeleteKind,
    xmlrpcCreateKind,
    xmlrpcChangeKind,
  ].map((kind) => [kind.action, kind]),
);

export function approvalKind(action: string): RegisteredKind | null {
  return KINDS.get(action) ?? null;
}

/** The request's title on the approvals page. */
export function describeRequest(action: string, params: unknown): string {
  return approvalKind(action)?.describe(params) ?? `${action} (unreadable request)`;
}
