import 'server-only';
import { ActionError } from '@/lib/action';
import {
  GandiError,
  rproxyCreate,
  rproxyDelete,
  rproxyInfo,
  rproxyProbeTest,
  rproxyProbeUpdate,
  rproxyServerCreate,
  rproxyServerDelete,
  rproxyServerDisable,
  rproxyServerEnable,
  rproxyUpdate,
  rproxyVhostCreate,
  rproxyVhostDelete,
  rproxyVhostGetDnsEntries,
  type GandiConnection,
  type Id,
  type Operation,
  type Rproxy,
  type RproxyProbeSpec,
  type RproxyUpdateSpec,
} from '@/lib/gandi';
import type { BackendActionInput, CreateRproxyInput, ProbeInput } from '@/lib/validation/rproxy';
import { backendLabel } from '@/lib/validation/rproxy';
import { started, type StartedNetworkOperations } from './network';

/**
 * Load balancer changes. Every id the browser sends is checked against the load balancer it says
 * it belongs to (re-read from the API), so a forged backend id or vhost of another load balancer
 * is refused here, not just by Gandi.
 */

/** The fault Gandi answers for a vhost whose domain is not validated (gandi.cli's special case). */
export const UNVALIDATED_DOMAIN_FAULT = 580142;

export interface DnsRecords {
  vhost: string;
  domain: string;
  txt: { name: string; value: string };
  cname: { name: string; target: string };
}

/** An action that either started operations or was refused for unvalidated domains. */
export type StartedOrUnvalidated =
  | ({ kind: 'started'; rproxyId: Id | null } & StartedNetworkOperations)
  | { kind: 'unvalidated'; records: DnsRecords[] };

const isUnvalidated = (err: unknown) =>
  err instanceof GandiError && err.faultCode === UNVALIDATED_DOMAIN_FAULT;

/** The records gandi.cli prints: `KEY 3600 IN TXT "KEY=TXT"`, `KEY 3600 IN CNAME CNAME`. */
async function dnsRecords(conn: GandiConnection, datacenterId: Id, vhosts: string[]) {
  const seen = new Set<string>();
  const records: DnsRecords[] = [];
  for (const vhost of vhosts) {
    const e = await rproxyVhostGetDnsEntries(conn, { datacenter: datacenterId, vhost });
    if (seen.has(e.domain)) continue;
    seen.add(e.domain);
    records.push({
      vhost,
      domain: e.domain,
      txt: { name: e.key, value: `${e.key}=${e.txt}` },
      cname: { name: e.key, target: e.cname },
    });
  }
  return records;
}

/** The API's refusals that concern one field, moved next to it. */
function fieldFault(err: unknown): never {
  if (err instanceof GandiError && err.kind === 'fault') {
    const field =
      err.objectName === 'OBJECT_RPROXY' && err.causeName === 'CAUSE_EXIST'
        ? 'name'
        : err.objectName === 'OBJECT_LBSERVER' ||
            err.objectName === 'OBJECT_IPV4' ||
            (err.objectName === 'OBJECT_INTEGER' && err.reason.startsWith('port'))
          ? 'backends_typed'
          : err.objectName === 'OBJECT_FQDN' || err.objectName === 'OBJECT_VIRTUALHOST'
            ? 'vhosts'
            : null;
    if (field) throw new ActionError(`Gandi refused: ${err.reason}`, { [field]: [err.reason] });
  }
  throw err;
}

export async function createRproxy(
  conn: GandiConnection,
  input: CreateRproxyInput,
): Promise<StartedOrUnvalidated> {
  try {
    const ops = await rproxyCreate(conn, {
      datacenter_id: input.datacenter_id,
      name: input.name,
      lb: { algorithm: input.algorithm },
      ssl_enable: input.ssl_enable,
      override: true,
      zone_alter: false,
      ...(input.vhosts.length > 0 ? { vhosts: input.vhosts } : {}),
      ...(input.backends.length > 0 ? { servers: input.backends } : {}),
    });
    const create = ops.find((op) => op.type === 'rproxy_iaas_create');
    const id = create?.params.rproxy_id;
    return { kind: 'started', rproxyId: typeof id === 'number' ? id : null, ...started(...ops) };
  } catch (err) {
    if (isUnvalidated(err))
      return {
        kind: 'unvalidated',
        records: await dnsRecords(conn, input.datacenter_id, input.vhosts),
      };
    fieldFault(err);
  }
}

async function owned(conn: GandiConnection, id: Id): Promise<Rproxy> {
  try {
    return await rproxyInfo(conn, id);
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND')
      throw new ActionError('This load balancer no longer exists.');
    throw err;
  }
}

export async function addBackend(
  conn: GandiConnection,
  input: { rproxy_id: Id; ip: string; port: number },
): Promise<StartedNetworkOperations> {
  const rp = await owned(conn, input.rproxy_id);
  if (rp.backends.some((b) => b.ip === input.ip && b.port === input.port))
    throw new ActionError('This backend is already there.', {
      backend: [`${backendLabel(input.ip, input.port)} is already a backend.`],
    });
  try {
    return started(await rproxyServerCreate(conn, rp.id, { ip: input.ip, port: input.port }));
  } catch (err) {
    if (err instanceof GandiError && err.kind === 'fault' && err.objectName !== 'OBJECT_RPROXY')
      throw new ActionError(`Gandi refused: ${err.reason}`, { backend: [err.reason] });
    throw err;
  }
}

const BACKEND_CALLS = {
  enable: rproxyServerEnable,
  disable: rproxyServerDisable,
  delete: rproxyServerDelete,
} as const;

export async function changeBackend(
  conn: GandiConnection,
  input: BackendActionInput,
): Promise<StartedNetworkOperations> {
  const rp = await owned(conn, input.rproxy_id);
  if (!rp.backends.some((b) => b.id === input.server_id))
    throw new ActionError('This backend is not part of this load balancer.');
  return started(await BACKEND_CALLS[input.change](conn, input.server_id));
}

export async function addVhost(
  conn: GandiConnection,
  input: { rproxy_id: Id; vhost: string },
): Promise<StartedOrUnvalidated> {
  const rp = await owned(conn, input.rproxy_id);
  try {
    return {
      kind: 'started',
      rproxyId: rp.id,
      ...started(await rproxyVhostCreate(conn, rp.id, { vhost: input.vhost })),
    };
  } catch (err) {
    if (isUnvalidated(err))
      return {
        kind: 'unvalidated',
        records: await dnsRecords(conn, rp.datacenterId, [input.vhost]),
      };
    if (err instanceof GandiError && err.kind === 'fault' && err.objectName !== 'OBJECT_RPROXY')
      throw new ActionError(`Gandi refused: ${err.reason}`, { vhost: [err.reason] });
    throw err;
  }
}

export async function removeVhost(
  conn: GandiConnection,
  input: { rproxy_id: Id; vhost: string },
): Promise<StartedNetworkOperations> {
  const rp = await owned(conn, input.rproxy_id);
  if (!rp.vhosts.some((v) => v.name === input.vhost))
    throw new ActionError('This domain is not served by this load balancer.');
  return started(await rproxyVhostDelete(conn, input.vhost));
}

export async function updateRproxySettings(
  conn: GandiConnection,
  input: { rproxy_id: Id; algorithm: 'round-robin' | 'client-ip'; ssl_enable: boolean },
): Promise<StartedNetworkOperations> {
  const rp = await owned(conn, input.rproxy_id);
  const spec: RproxyUpdateSpec = {};
  if (input.algorithm !== rp.algorithm) spec.lb = { algorithm: input.algorithm };
  if (input.ssl_enable !== rp.sslEnabled) spec.ssl_enable = input.ssl_enable;
  if (Object.keys(spec).length === 0)
    throw new ActionError('Nothing to change: pick another algorithm or switch SSL.');
  return started(await rproxyUpdate(conn, rp.id, spec));
}

export interface ProbeTestResult {
  status: number;
  backends: { label: string; status: number; seconds: number; ok: boolean }[];
}

export type ProbeOutcome =
  ({ kind: 'saved' } & StartedNetworkOperations) | { kind: 'tested'; result: ProbeTestResult };

/** Save the probe settings (and on/off), or test them without saving. */
export async function saveOrTestProbe(
  conn: GandiConnection,
  input: ProbeInput,
): Promise<ProbeOutcome> {
  const rp = await owned(conn, input.rproxy_id);
  const spec: RproxyProbeSpec = {
    host: input.host === '' ? null : input.host,
    url: input.url,
    method: input.method,
    response: input.response,
    interval: input.interval,
    timeout: input.timeout,
    window: input.window,
    threshold: input.threshold,
  };
  try {
    if (input.intent === 'test') {
      const result = await rproxyProbeTest(conn, rp.id, spec);
      return {
        kind: 'tested',
        result: {
          status: result.status,
          backends: result.backends.map((r) => {
            const b = rp.backends.find((x) => x.id === r.backendId);
            return {
              label: b ? backendLabel(b.ip, b.port) : `#${r.backendId}`,
              status: r.status,
              seconds: r.timeout,
              ok: r.status === input.response,
            };
          }),
        },
      };
    }
    const op: Operation = await rproxyProbeUpdate(conn, rp.id, { ...spec, enable: input.enable });
    return { kind: 'saved', ...started(op) };
  } catch (err) {
    if (err instanceof GandiError && err.kind === 'fault' && err.objectName !== 'OBJECT_RPROXY')
      throw new ActionError(`Gandi refused: ${err.reason}`);
    throw err;
  }
}

export async function deleteRproxy(
  conn: GandiConnection,
  id: Id,
  confirmName: string,
): Promise<StartedNetworkOperations> {
  const rp = await owned(conn, id);
  if (confirmName !== rp.name)
    throw new ActionError('The name does not match.', {
      confirm_name: [`Type ${rp.name} exactly to confirm.`],
    });
  return started(await rproxyDelete(conn, id));
}
