/**
 * The Web Accelerator (`hosting.rproxy.*`): app types, input specs and wire shapes. Kept apart from
 * `types.ts` / `raw-types.ts` because the area is self-contained; `reshape-rproxy.ts` is the only
 * reader of the `Raw…` types here.
 */
import type { RawDatacenter, W } from './raw-types';
import type { Datacenter, Id } from './types';

export type RproxyAlgorithm = 'round-robin' | 'client-ip';
export const RPROXY_ALGORITHMS: readonly RproxyAlgorithm[] = ['round-robin', 'client-ip'];

export interface RproxyBackend {
  id: Id;
  rproxyId: Id;
  ip: string;
  port: number;
  fallback: boolean;
  /** `running`, `disabled`, `being_created`… */
  state: string;
}

export interface RproxyVhost {
  id: Id;
  rproxyId: Id;
  name: string;
  certId: Id | null;
  state: string;
}

export interface RproxyProbe {
  enabled: boolean;
  host: string | null;
  interval: number | null;
  method: string | null;
  response: number | null;
  threshold: number | null;
  timeout: number | null;
  url: string | null;
  window: number | null;
}

export interface Rproxy {
  id: Id;
  uuid: Id | null;
  name: string;
  state: string;
  datacenterId: Id;
  /** Only from `hosting.rproxy.info`. */
  datacenter: Datacenter | null;
  /** Only from `hosting.rproxy.info` (the list item has no `lb`). */
  algorithm: RproxyAlgorithm | null;
  sslEnabled: boolean;
  dateCreated: Date | null;
  probe: RproxyProbe;
  backends: RproxyBackend[];
  vhosts: RproxyVhost[];
}

/** `hosting.rproxy.vhost.get_dns_entries`: the records that validate a domain. */
export interface RproxyDnsEntries {
  key: string;
  txt: string;
  cname: string;
  domain: string;
}

export interface RproxyProbeResult {
  status: number;
  timeout: number;
  backends: { backendId: Id; status: number; timeout: number }[];
}

// Inputs (snake_case, sent as they are)

export interface RproxyBackendSpec {
  ip: string;
  port: number;
}

export interface RproxySpec {
  datacenter_id: Id;
  name: string;
  lb: { algorithm: RproxyAlgorithm };
  ssl_enable: boolean;
  override?: boolean;
  zone_alter?: boolean;
  vhosts?: string[];
  servers?: RproxyBackendSpec[];
}

export interface RproxyUpdateSpec {
  name?: string;
  lb?: { algorithm: RproxyAlgorithm };
  ssl_enable?: boolean;
}

export interface RproxyVhostSpec {
  vhost: string;
  zone_alter?: boolean;
}

export interface RproxyProbeSpec {
  host?: string | null;
  interval?: number | null;
  method?: string | null;
  response?: number | null;
  threshold?: number | null;
  timeout?: number | null;
  url?: string | null;
  window?: number | null;
  enable?: boolean;
}

// Wire shapes

export interface RawRproxyServer {
  id: number;
  ip: string;
  port: number;
  fallback?: W<boolean>;
  rproxy_id: number;
  state: string;
}

export interface RawRproxyVhost {
  id: number;
  name: string;
  cert_id?: W<number>;
  rproxy_id: number;
  state: string;
}

export interface RawRproxyProbe {
  enable?: W<boolean>;
  host?: W<string>;
  interval?: W<number>;
  method?: W<string>;
  response?: W<number>;
  threshold?: W<number>;
  timeout?: W<number>;
  url?: W<string>;
  window?: W<number>;
}

export interface RawRproxy {
  id: number;
  uuid?: W<number>;
  name: string;
  state: string;
  datacenter_id?: W<number>;
  datacenter?: W<RawDatacenter>;
  lb?: W<{ algorithm?: W<string> }>;
  ssl_enable?: W<boolean>;
  date_created?: W<Date | string>;
  probe?: W<RawRproxyProbe>;
  servers?: W<RawRproxyServer[]>;
  vhosts?: W<RawRproxyVhost[]>;
}

export interface RawProbeTest {
  status: number;
  timeout: number;
  servers?: W<{ server: number; status: number; timeout: number }[]>;
}
