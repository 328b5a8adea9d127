import { expectArity, int, num, onlyKeys, optionalStruct, required, str, struct } from '../args';
import { dataFault } from '../faults';
import { METRICS } from '../state/catalog';
import { hash32 } from '../state/ids';
import { double } from '../xmlrpc/values';
import { owned, type CallContext, type MethodDef } from './context';

/**
 * hosting.metric.{available,query} (reference §15). Series are generated, not measured: each point
 * is a hash of (resource, query, dimension, timestamp), so the same question always gets the same
 * answer, and a VM's traffic looks like traffic (a daily wave plus noise).
 */

const UNIT_SECONDS: Record<string, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
  weeks: 604800,
  months: 2592000,
};
const FUNCTIONS = ['sum', 'avg', 'min', 'max', 'percentile'];
/** A query may not ask for more points than this per series. */
export const MAX_POINTS = 5000;

const DIMENSIONS: Record<string, Record<string, string[]>[]> = {
  'vif.bytes.all': [
    { direction: ['in'], type: ['public'] },
    { direction: ['out'], type: ['public'] },
  ],
  'vif.packets.all': [
    { direction: ['in'], type: ['public'] },
    { direction: ['out'], type: ['public'] },
  ],
  'vbd.bytes.all': [{ direction: ['read'] }, { direction: ['write'] }],
  'vbd.requests.all': [{ direction: ['read'] }, { direction: ['write'] }],
  'vcpu.time.all': [{}],
  'vfs.df.bytes.all': [{ size: ['free'] }, { size: ['used'] }],
};

const SCALE: Record<string, number> = {
  'vif.bytes.all': 200000,
  'vif.packets.all': 400,
  'vbd.bytes.all': 500000,
  'vbd.requests.all': 60,
  'vcpu.time.all': 30,
  'vfs.df.bytes.all': 1.5e9,
};

/** `'%Y-%m-%d %H:%M:%S'` strings (gandi.cli) or dateTime values, read as UTC. */
function instant(raw: unknown, name: string): number {
  if (raw instanceof Date) return raw.getTime();
  const text = str(raw as never, name);
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m)
    throw dataFault(
      'OBJECT_DATE',
      'CAUSE_BADPARAMETER',
      `${name}: '${text.slice(0, 40)}' is not 'YYYY-MM-DD HH:MM:SS'`,
    );
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

function isoNoZone(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function pointValue(
  resourceId: number,
  query: string,
  dimension: string,
  ts: number,
  stepSeconds: number,
): number {
  const noise = hash32(`${resourceId}|${query}|${dimension}|${ts}`) / 0xffffffff;
  const hour = (ts / 3600000) % 24;
  const wave = 0.55 + 0.45 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
  const base = SCALE[query] ?? 1000;
  const perStep = query === 'vfs.df.bytes.all' ? 1 : stepSeconds / 3600;
  return Math.round(base * perStep * (0.25 + wave * (0.5 + noise)));
}

const query = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const spec = struct(ctx.args[0], 'query');
  onlyKeys(spec, ['start', 'end', 'query', 'resource_id', 'resource_type', 'sampler'], 'query');
  const start = instant(required(spec, 'start', 'query'), 'start');
  const end = instant(required(spec, 'end', 'query'), 'end');
  const q = str(required(spec, 'query', 'query'), 'query');
  const type = str(required(spec, 'resource_type', 'query'), 'resource_type');
  const sampler = struct(required(spec, 'sampler', 'query'), 'sampler');
  onlyKeys(sampler, ['function', 'unit', 'value', 'percentile'], 'sampler');
  const fn = str(required(sampler, 'function', 'sampler'), 'function');
  const unit = str(required(sampler, 'unit', 'sampler'), 'unit');
  const value = int(required(sampler, 'value', 'sampler'), 'value');
  if (sampler.percentile !== undefined) num(sampler.percentile, 'percentile');
  if (!FUNCTIONS.includes(fn))
    throw dataFault(
      'OBJECT_STRING',
      'CAUSE_BADPARAMETER',
      `function: '${fn.slice(0, 20)}' is not one of ${FUNCTIONS.join(', ')}`,
    );
  const unitSeconds = UNIT_SECONDS[unit];
  if (!unitSeconds || value < 1)
    throw dataFault('OBJECT_STRING', 'CAUSE_BADPARAMETER', `sampler: bad unit or value`);
  const available = METRICS[type];
  if (!available)
    throw dataFault(
      'OBJECT_STRING',
      'CAUSE_BADPARAMETER',
      `resource_type: '${type.slice(0, 20)}' is not vm, iface or disk`,
    );
  if (!available.includes(q))
    throw dataFault(
      'OBJECT_STRING',
      'CAUSE_BADPARAMETER',
      `query: '${q.slice(0, 40)}' is not available for ${type}`,
    );
  if (end <= start) throw dataFault('OBJECT_DATE', 'CAUSE_VALUE', 'end must be after start');
  const step = unitSeconds * value * 1000;
  const first = Math.ceil(start / step) * step;
  const count = Math.max(0, Math.ceil((end - first) / step));
  if (count > MAX_POINTS)
    throw dataFault(
      'OBJECT_INTEGER',
      'CAUSE_VALUE',
      `Too many points (${count} > ${MAX_POINTS}): widen the sampler`,
    );
  const rawIds = required(spec, 'resource_id', 'query');
  const ids = (Array.isArray(rawIds) ? rawIds : [rawIds]).map(
    (raw) => owned(ctx, type as 'vm' | 'disk' | 'iface', raw, 'resource_id').id,
  );
  const metric = q.replace(/\.all$/, '');
  const out = [];
  for (const id of ids) {
    for (const dims of DIMENSIONS[q] ?? [{}]) {
      const key = Object.values(dims).flat().join('/');
      const points = [];
      for (let i = 0; i < count; i++) {
        const ts = first + i * step;
        points.push({
          timestamp: isoNoZone(ts),
          value: double(pointValue(id, q, key, ts, step / 1000)),
        });
      }
      out.push({ ...dims, metric, points, resource_id: id, resource_type: type });
    }
  }
  return out;
};

export const METRIC_METHODS: Record<string, MethodDef> = {
  'hosting.metric.available': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 0, 1);
      const opts = optionalStruct(ctx.args[0], 'options');
      onlyKeys(opts, ['resource'], 'options');
      const only = opts.resource === undefined ? null : str(opts.resource, 'resource');
      return Object.entries(METRICS)
        .filter(([resource]) => only === null || resource === only)
        .map(([resource, metrics]) => ({ metrics: [...metrics], resource }));
    },
  },
  'hosting.metric.query': { handler: query },
};
