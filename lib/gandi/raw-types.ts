/**
 * Wire shapes (`Raw…`) of Gandi Hosting answers, as recorded in `../shared/fixtures/gandi-xmlrpc/`.
 *
 * `W<T>` marks a member that may be "no value": `<nil/>` (2012+) or `''` (2011 recordings). Members
 * that only exist in some epochs are optional. Only `reshape.ts` reads these types.
 */

/** A value that may be absent on the wire: `<nil/>` (2012+) or an empty string (2011). */
export type W<T> = T | null | '';

export interface RawHostingOperation {
  id: number;
  type: string;
  step: string;
  source?: W<string>;
  date_created: Date;
  date_updated: Date;
  date_start?: W<Date>;
  vm_id?: W<number>;
  disk_id?: W<number>;
  iface_id?: W<number>;
  ip_id?: W<number>;
  vlan_id?: W<number>;
  // The full operation struct (operation.info/list, vlan mutators) adds:
  eta?: W<number>;
  last_error?: W<string>;
  last_support_error?: W<string>;
  errortype?: W<string>;
  session_id?: W<number>;
  infos?: W<Record<string, unknown>>;
  params?: W<Record<string, unknown>>;
}

export interface RawVersion {
  api_version: string;
}

export interface RawAccount {
  id: number;
  handle: string;
  fullname?: W<string>;
  /** Absent on share-model (2011) accounts. */
  credits?: W<number>;
  average_credit_cost?: W<number>;
  cycle_day?: W<number>;
  date_credits_expiration?: W<Date>;
  rating_enabled?: W<boolean>;
  products?: unknown;
  resources?: unknown;
  share_definition?: unknown;
}

/** One `hosting.rating.list` item: members are `{flavour: credits}` structs or nil, plus `timestamp`. */
export type RawRating = { timestamp?: W<Date | string> } & Record<string, unknown>;

export interface RawDatacenter {
  id: number;
  iso: string;
  name: string;
  country: string;
  dc_code?: W<string>;
  deactivate_at?: W<Date>;
  iaas_closed_for?: W<string>;
  paas_closed_for?: W<string>;
  can_migrate_to?: W<number[]>;
}

export interface RawImage {
  id: number;
  disk_id: number;
  datacenter_id: number;
  label: string;
  os_arch: string;
  kernel_version?: W<string>;
  size?: W<number>;
  visibility: string;
  author_id?: W<number>;
  date_created?: W<Date>;
  date_updated?: W<Date>;
  system?: W<string>;
  version?: W<string>;
}

export interface RawSnapshotProfile {
  id: number;
  name: string;
  kept_total: number;
  quota_factor: number;
  schedules?: W<{ name: string; kept_version: number }[]>;
}

export interface RawDisk {
  id: number;
  name: string;
  size: number;
  total_size?: W<number>;
  state: string;
  type: string;
  datacenter_id: number;
  vms_id?: W<number[]>;
  is_boot_disk?: W<boolean>;
  can_snapshot?: W<boolean>;
  kernel_version?: W<string>;
  kernel_cmdline?: W<Record<string, string | boolean | number>>;
  label?: W<string>;
  source?: W<number>;
  visibility?: W<string>;
  snapshots_id?: W<number[]>;
  /** In list results. */
  snapshot_profile_id?: W<number>;
  /** In info / vm.info results. */
  snapshot_profile?: W<RawSnapshotProfile>;
  date_created?: W<Date>;
  date_updated?: W<Date>;
  entity_id?: W<string>;
  is_migrating?: W<boolean>;
}

export interface RawIp {
  id: number;
  ip?: W<string>;
  version: number;
  num?: W<number>;
  state: string;
  reverse?: W<string>;
  iface_id?: W<number>;
  datacenter_id: number;
  date_created?: W<Date>;
  date_updated?: W<Date>;
  bandwidth?: W<number>;
  type?: W<string>;
  vm_id?: W<number>;
  iface_num?: W<number>;
  entity_id?: W<string>;
}

export interface RawIface {
  id: number;
  type: string;
  state: string;
  vm_id?: W<number>;
  num?: W<number>;
  bandwidth: number;
  datacenter_id: number;
  ips_id?: W<number[]>;
  ips?: W<RawIp[]>;
  vlan?: W<{ id: number; name: string; entity_id?: W<string> }>;
  date_created?: W<Date>;
  date_updated?: W<Date>;
  entity_id?: W<string>;
}

export interface RawVlan {
  id: number;
  name: string;
  state: string;
  subnet?: W<string>;
  gateway?: W<string>;
  uuid?: W<number>;
  /** In list results. */
  datacenter_id?: W<number>;
  /** In info results. */
  datacenter?: W<RawDatacenter>;
  entity_id?: W<string>;
}

export interface RawVmSummary {
  id: number;
  hostname: string;
  state: string;
  memory: number;
  cores: number;
  vm_max_memory: number;
  datacenter_id: number;
  disks_id?: W<number[]>;
  ifaces_id?: W<number[]>;
  console?: W<number | boolean>;
  ai_active?: W<number>;
  flex_shares?: W<number>;
  description?: W<string>;
  date_created?: W<Date>;
  date_updated?: W<Date>;
  farm?: W<string>;
  entity_id?: W<string>;
  is_migrating?: W<boolean>;
}

export interface RawVmInfo extends RawVmSummary {
  disks?: W<RawDisk[]>;
  ifaces?: W<RawIface[]>;
  console_url?: W<string>;
  graph_urls?: unknown;
  hvm_state?: W<string>;
  probes?: unknown;
  triggers?: unknown;
}

export interface RawMigrationCheck {
  can_migrate: boolean;
  matched?: W<string[]>;
  can_migrate_to?: W<string[]>;
}

export interface RawSshKey {
  id: number;
  name: string;
  fingerprint: string;
  value?: W<string>;
}

export interface RawMetricAvailability {
  resource: string;
  metrics: string | string[];
}

/** One series: these members plus dimension members holding one-element arrays (`direction: ['in']`). */
export type RawMetricSeries = {
  metric: string;
  resource_id: number;
  resource_type: string;
  points: { timestamp: Date | string; value: W<number> }[];
} & Record<string, unknown>;

/** `contact.balance` (reference §18: gandi.cli's `account info`); only `prepaid` is read. */
export interface RawPrepaid {
  amount: number | string;
  currency?: string;
}

export interface RawContactBalance {
  prepaid?: RawPrepaid | null;
}
