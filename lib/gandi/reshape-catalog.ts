/**
 * Reshapers for account-level and catalog objects (account, rating, prices, datacenters, images,
 * snapshot profiles, SSH keys, metrics, migration checks). Re-exported by `reshape.ts`.
 */
import type * as R from './raw-types';
import {
  flag,
  ids,
  isStruct,
  list,
  optDate,
  optNum,
  optStr,
  req,
  reqDate,
  ShapeError,
  struct,
} from './reshape-values';
import type {
  Account,
  ClosedFor,
  Datacenter,
  Image,
  MetricAvailability,
  MetricSeries,
  MigrationCheck,
  PriceLine,
  RatingLine,
  SnapshotProfile,
  SshKey,
} from './types';

export function reshapeAccount(raw: R.RawAccount): Account {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    handle: req<string>(raw.handle, 'string', 'handle'),
    fullname: optStr(raw.fullname),
    credits: optNum(raw.credits) ?? 0,
    averageCreditCost: optNum(raw.average_credit_cost),
    cycleDay: optNum(raw.cycle_day),
    dateCreditsExpiration: optDate(raw.date_credits_expiration),
    ratingEnabled: flag(raw.rating_enabled),
  };
}

export function reshapeRating(raw: R.RawRating): RatingLine {
  const breakdown: Record<string, number> = {};
  let creditsPerHour = 0;
  for (const [resource, value] of Object.entries(raw)) {
    if (resource === 'timestamp') continue;
    if (typeof value === 'number') {
      breakdown[resource] = value;
      creditsPerHour += value;
    } else if (isStruct(value)) {
      for (const [flavour, cost] of Object.entries(value)) {
        if (typeof cost !== 'number') continue;
        breakdown[`${resource}.${flavour}`] = cost;
        creditsPerHour += cost;
      }
    }
  }
  return { timestamp: optDate(raw.timestamp), creditsPerHour, breakdown };
}

function closedFor(v: unknown): ClosedFor {
  return v === 'NEW' || v === 'ALL' ? v : 'NONE';
}

export function reshapeDatacenter(raw: R.RawDatacenter): Datacenter {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    iso: req<string>(raw.iso, 'string', 'iso'),
    name: req<string>(raw.name, 'string', 'name'),
    country: req<string>(raw.country, 'string', 'country'),
    dcCode: optStr(raw.dc_code),
    deactivateAt: optDate(raw.deactivate_at),
    // 2011 datacenters predate the closing fields: they were open.
    iaasClosedFor: closedFor(raw.iaas_closed_for),
    paasClosedFor: closedFor(raw.paas_closed_for),
    canMigrateTo: ids(raw.can_migrate_to),
  };
}

export function reshapeImage(raw: R.RawImage): Image {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    diskId: req<number>(raw.disk_id, 'number', 'disk_id'),
    datacenterId: req<number>(raw.datacenter_id, 'number', 'datacenter_id'),
    label: req<string>(raw.label, 'string', 'label'),
    osArch: req<string>(raw.os_arch, 'string', 'os_arch'),
    kernelVersion: optStr(raw.kernel_version),
    size: optNum(raw.size),
    visibility: req<string>(raw.visibility, 'string', 'visibility'),
    authorId: optNum(raw.author_id),
    dateCreated: optDate(raw.date_created),
    dateUpdated: optDate(raw.date_updated),
    system: optStr(raw.system),
    version: optStr(raw.version),
  };
}

export function reshapeSnapshotProfile(raw: R.RawSnapshotProfile): SnapshotProfile {
  const schedules = Array.isArray(raw.schedules) ? raw.schedules : [];
  return {
    id: req<number>(raw.id, 'number', 'id'),
    name: req<string>(raw.name, 'string', 'name'),
    keptTotal: optNum(raw.kept_total) ?? 0,
    quotaFactor: optNum(raw.quota_factor) ?? 1,
    schedules: schedules.map((s) => ({
      name: String(s.name),
      keptVersion: optNum(s.kept_version) ?? 0,
    })),
  };
}

export function reshapeMigrationCheck(raw: R.RawMigrationCheck): MigrationCheck {
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return {
    canMigrate: flag(raw.can_migrate),
    matched: strings(raw.matched),
    canMigrateTo: strings(raw.can_migrate_to),
  };
}

export function reshapeSshKey(raw: R.RawSshKey): SshKey {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    name: req<string>(raw.name, 'string', 'name'),
    fingerprint: req<string>(raw.fingerprint, 'string', 'fingerprint'),
    value: optStr(raw.value),
  };
}

export function reshapeMetricAvailability(raw: R.RawMetricAvailability): MetricAvailability {
  const metrics = Array.isArray(raw.metrics) ? raw.metrics : [raw.metrics];
  return {
    resourceType: req<string>(raw.resource, 'string', 'resource'),
    metrics: metrics.filter((m): m is string => typeof m === 'string'),
  };
}

const SERIES_MEMBERS = new Set(['metric', 'resource_id', 'resource_type', 'points']);

export function reshapeMetricSeries(raw: R.RawMetricSeries): MetricSeries {
  const dimensions: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SERIES_MEMBERS.has(key)) continue;
    // Dimensions arrive as one-element arrays (`direction: ['in']`).
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') dimensions[key] = first;
  }
  const points = Array.isArray(raw.points) ? raw.points : [];
  return {
    metric: req<string>(raw.metric, 'string', 'metric'),
    resourceId: req<number>(raw.resource_id, 'number', 'resource_id'),
    resourceType: req<string>(raw.resource_type, 'string', 'resource_type'),
    dimensions,
    points: points.map((p) => ({
      timestamp: reqDate(p.timestamp, 'timestamp'),
      value: optNum(p.value),
    })),
  };
}

const PRICE_KEYS = ['credits_per_hour', 'credits', 'price', 'unit_price', 'amount'] as const;

/**
 * `hosting.catalog.list` has no recorded answer: accept a list of price items
 * (`{resource|product_name|name, flavour?, unit?, credits_per_hour|credits|price…}`) or a
 * rating-style struct (`{cpu: {default: 168}, ip: {v4_public: 210}}`).
 */
export function reshapePriceTable(v: unknown): PriceLine[] {
  if (isStruct(v)) {
    const rating = reshapeRating(v as R.RawRating);
    return Object.entries(rating.breakdown).map(([key, creditsPerHour]) => {
      const dot = key.indexOf('.');
      return {
        resource: dot < 0 ? key : key.slice(0, dot),
        flavour: dot < 0 ? null : key.slice(dot + 1),
        unit: null,
        creditsPerHour,
      };
    });
  }
  return list<unknown>(v, 'price lines').map((item) => {
    const raw = struct<Record<string, unknown>>(item, 'price line');
    const resource = optStr(raw.resource) ?? optStr(raw.product_name) ?? optStr(raw.name);
    if (!resource) throw new ShapeError('price line without a resource name');
    const price = PRICE_KEYS.map((k) => raw[k]).find((p): p is number => typeof p === 'number');
    if (price === undefined) throw new ShapeError('price line without a price');
    return {
      resource,
      flavour: optStr(raw.flavour) ?? optStr(raw.flavor) ?? optStr(raw.type),
      unit: optStr(raw.unit),
      creditsPerHour: price,
    };
  });
}
