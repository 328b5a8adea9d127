/** Reshapers for the Web Accelerator (`hosting.rproxy.*`). */
import { reshapeDatacenter } from './reshape-catalog';
import {
  flag,
  isStruct,
  list,
  opt,
  optDate,
  optNum,
  optStr,
  req,
  ShapeError,
  struct,
} from './reshape-values';
import type { RawDatacenter } from './raw-types';
import {
  RPROXY_ALGORITHMS,
  type RawProbeTest,
  type RawRproxy,
  type RawRproxyProbe,
  type RawRproxyServer,
  type RawRproxyVhost,
  type Rproxy,
  type RproxyAlgorithm,
  type RproxyBackend,
  type RproxyDnsEntries,
  type RproxyProbe,
  type RproxyProbeResult,
  type RproxyVhost,
} from './rproxy-types';

export function reshapeRproxyBackend(raw: RawRproxyServer): RproxyBackend {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    rproxyId: req<number>(raw.rproxy_id, 'number', 'rproxy_id'),
    ip: req<string>(raw.ip, 'string', 'ip'),
    port: req<number>(raw.port, 'number', 'port'),
    fallback: flag(raw.fallback),
    state: req<string>(raw.state, 'string', 'state'),
  };
}

export function reshapeRproxyVhost(raw: RawRproxyVhost): RproxyVhost {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    rproxyId: req<number>(raw.rproxy_id, 'number', 'rproxy_id'),
    name: req<string>(raw.name, 'string', 'name'),
    certId: optNum(raw.cert_id),
    state: req<string>(raw.state, 'string', 'state'),
  };
}

function reshapeProbe(raw: RawRproxyProbe | null): RproxyProbe {
  const p = raw ?? {};
  return {
    enabled: flag(p.enable),
    host: optStr(p.host),
    interval: optNum(p.interval),
    method: optStr(p.method),
    response: optNum(p.response),
    threshold: optNum(p.threshold),
    timeout: optNum(p.timeout),
    url: optStr(p.url),
    window: optNum(p.window),
  };
}

function algorithm(v: unknown): RproxyAlgorithm | null {
  if (!isStruct(v)) return null;
  const a = v.algorithm;
  if (a === null || a === undefined || a === '') return null;
  if (!RPROXY_ALGORITHMS.includes(a as RproxyAlgorithm))
    throw new ShapeError('member lb.algorithm: unknown algorithm');
  return a as RproxyAlgorithm;
}

export function reshapeRproxy(raw: RawRproxy): Rproxy {
  const dc = opt(raw.datacenter);
  const datacenter = dc ? reshapeDatacenter(struct<RawDatacenter>(dc, 'datacenter')) : null;
  const datacenterId = optNum(raw.datacenter_id) ?? datacenter?.id;
  if (datacenterId === undefined) throw new ShapeError('member datacenter_id: missing');
  const probe = opt(raw.probe);
  return {
    id: req<number>(raw.id, 'number', 'id'),
    uuid: optNum(raw.uuid),
    name: req<string>(raw.name, 'string', 'name'),
    state: req<string>(raw.state, 'string', 'state'),
    datacenterId,
    datacenter,
    algorithm: algorithm(raw.lb),
    sslEnabled: flag(raw.ssl_enable),
    dateCreated: optDate(raw.date_created),
    probe: reshapeProbe(probe ? struct<RawRproxyProbe>(probe, 'probe') : null),
    backends: list<unknown>(opt(raw.servers) ?? [], 'servers').map((s) =>
      reshapeRproxyBackend(struct<RawRproxyServer>(s, 'server')),
    ),
    vhosts: list<unknown>(opt(raw.vhosts) ?? [], 'vhosts').map((v) =>
      reshapeRproxyVhost(struct<RawRproxyVhost>(v, 'vhost')),
    ),
  };
}

export function reshapeDnsEntries(raw: Record<string, unknown>): RproxyDnsEntries {
  return {
    key: req<string>(raw.key, 'string', 'key'),
    txt: req<string>(raw.txt, 'string', 'txt'),
    cname: req<string>(raw.cname, 'string', 'cname'),
    domain: req<string>(raw.domain, 'string', 'domain'),
  };
}

export function reshapeProbeTest(raw: RawProbeTest): RproxyProbeResult {
  return {
    status: req<number>(raw.status, 'number', 'status'),
    timeout: req<number>(raw.timeout, 'number', 'timeout'),
    backends: list<unknown>(opt(raw.servers) ?? [], 'servers').map((s) => {
      const r = struct<Record<string, unknown>>(s, 'server result');
      return {
        backendId: req<number>(r.server, 'number', 'server'),
        status: req<number>(r.status, 'number', 'status'),
        timeout: req<number>(r.timeout, 'number', 'timeout'),
      };
    }),
  };
}
