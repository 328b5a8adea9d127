import { expectArity, int, str } from '../args';
import { dataFault, notFound, unknownMethodFault } from '../faults';
import type { ListSpec } from '../filters';
import {
  API_VERSION,
  DATACENTER_BY_ID,
  DATACENTERS,
  IMAGE_BY_ID,
  IMAGES,
  KERNEL_OPTIONS,
  KERNELS,
  KNOWN_KERNELS,
  PRICES,
  SNAPSHOT_PROFILES,
} from '../state/catalog';
import { creditsNow } from '../state/billing';
import { datacenterView, imageView, snapshotProfileView } from '../views';
import { double } from '../xmlrpc/values';
import type { CallContext, MethodDef } from './context';
import { DATE, ID, INT, listAndCount, STR } from './listing';

/** version, account, rating, catalog, datacenters, images, kernels, snapshot profiles. */

const accountInfo = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 0);
  const a = ctx.account;
  const credits = Math.floor(creditsNow(ctx.sim, a));
  return {
    handle: a.handle,
    rating_enabled: true,
    date_credits_expiration:
      a.dateCreditsExpiration === null ? null : new Date(a.dateCreditsExpiration),
    credits,
    products: null,
    average_credit_cost: credits > 0 ? double(0) : null,
    share_definition: null,
    fullname: a.fullname,
    id: a.id,
    resources: { available: null, granted: null, used: null, expired: null },
    cycle_day: a.cycleDay,
  };
};

/**
 * `contact.balance` (gandi.cli `account info` prints `prepaid.amount` and `prepaid.currency`,
 * reference §18). The prepaid account holds money, not hosting credits; nothing here spends or
 * adds to it, so it is an empty euro account.
 */
const contactBalance = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 0);
  return { prepaid: { amount: double(0), currency: 'EUR' } };
};

/** What the account's current resources burn per hour, in the gandi.cli rating mock's shape. */
const ratingList = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 0, 1);
  const { store } = ctx.sim;
  let cores = 0;
  let memoryMb = 0;
  for (const vm of store.owned('vm', ctx.account.id)) {
    if (vm.state !== 'running') continue;
    cores += vm.cores;
    memoryMb += vm.memory;
  }
  let dataMb = 0;
  let snapshotMb = 0;
  for (const disk of store.owned('disk', ctx.account.id)) {
    if (disk.type === 'snapshot') snapshotMb += disk.size;
    else dataMb += disk.size;
  }
  let v4 = 0;
  let v6 = 0;
  for (const ip of store.owned('ip', ctx.account.id)) {
    const iface = store.get('iface', ip.ifaceId);
    if (iface?.type !== 'public') continue;
    if (ip.version === 4) v4++;
    else v6++;
  }
  return [
    {
      bw_out: null,
      cpu: { default: cores * PRICES.core },
      disk_data: { default: Math.round((dataMb / 1024) * PRICES.diskGb) },
      disk_snapshot:
        snapshotMb > 0 ? { default: Math.round((snapshotMb / 1024) * PRICES.snapshotGb) } : null,
      disk_snapshot_auto: null,
      instance: { default: 0 },
      ip: { v4_public: v4 * PRICES.ipv4, v6: v6 * PRICES.ipv6 },
      ram: { default: Math.round((memoryMb / 1024) * PRICES.ramGb) },
      ...rproxyRating(ctx),
      timestamp: new Date(ctx.sim.now()),
    },
  ];
};

const CATALOG = [
  { resource: 'cpu', flavour: 'default', unit: 'core', credits_per_hour: PRICES.core },
  { resource: 'ram', flavour: 'default', unit: 'GB', credits_per_hour: PRICES.ramGb },
  { resource: 'disk_data', flavour: 'default', unit: 'GB', credits_per_hour: PRICES.diskGb },
  {
    resource: 'disk_snapshot',
    flavour: 'default',
    unit: 'GB',
    credits_per_hour: PRICES.snapshotGb,
  },
  { resource: 'ip', flavour: 'v4_public', unit: 'address', credits_per_hour: PRICES.ipv4 },
  { resource: 'ip', flavour: 'v6', unit: 'address', credits_per_hour: PRICES.ipv6 },
  { resource: 'rproxy', flavour: 'default', unit: 'instance', credits_per_hour: PRICES.rproxy },
  {
    resource: 'rproxy_ssl',
    flavour: 'default',
    unit: 'instance',
    credits_per_hour: PRICES.rproxySsl,
  },
];

/** The Web Accelerator's share of `rating.list` (null members when the account has none). */
function rproxyRating(ctx: CallContext) {
  const rproxies = ctx.sim.store.owned('rproxy', ctx.account.id);
  const ssl = rproxies.filter((rp) => rp.sslEnable).length;
  return {
    rproxy: rproxies.length > 0 ? { default: rproxies.length * PRICES.rproxy } : null,
    rproxy_server: null,
    rproxy_ssl: ssl > 0 ? { default: ssl * PRICES.rproxySsl } : null,
  };
}

const DATACENTER_SPEC: ListSpec = {
  id: ID,
  iso: STR,
  name: STR,
  country: STR,
  dc_code: STR,
  iaas_closed_for: STR,
  paas_closed_for: STR,
  deactivate_at: DATE,
  iaas_closed: { type: 'bool', get: (d) => d.iaas_closed_for !== 'NONE' },
  iaas_opened: { type: 'bool', get: (d) => d.iaas_closed_for !== 'ALL' },
  paas_closed: { type: 'bool', get: (d) => d.paas_closed_for !== 'NONE' },
  paas_opened: { type: 'bool', get: (d) => d.paas_closed_for !== 'ALL' },
};
const datacenters = listAndCount(DATACENTER_SPEC, () => DATACENTERS.map(datacenterView));

const IMAGE_SPEC: ListSpec = {
  id: ID,
  disk_id: ID,
  datacenter_id: ID,
  label: STR,
  os_arch: STR,
  kernel_version: STR,
  visibility: STR,
  author_id: INT,
  size: INT,
  system: STR,
  version: STR,
  date_created: DATE,
  date_updated: DATE,
  // docker-machine's driver filters by `name`; images have no name, so it matches the label.
  name: { type: 'string', get: (i) => i.label, sortable: false },
};
const images = listAndCount(IMAGE_SPEC, () => IMAGES.map(imageView));

const SNAPSHOT_PROFILE_SPEC: ListSpec = { id: ID, name: STR, kept_total: INT };
const snapshotProfiles = listAndCount(SNAPSHOT_PROFILE_SPEC, () =>
  SNAPSHOT_PROFILES.map(snapshotProfileView),
);

export const GENERAL_METHODS: Record<string, MethodDef> = {
  'version.info': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 0);
      return { api_version: API_VERSION };
    },
  },
  'hosting.account.info': { handler: accountInfo },
  'contact.balance': { handler: contactBalance },
  'hosting.rating.list': { handler: ratingList },
  'hosting.catalog.list': {
    handler: (ctx) => {
      // Real Gandi had no price list: an account made with `catalog: false` sees that endpoint.
      if (ctx.account.catalogUnsupported) throw unknownMethodFault(ctx.method);
      expectArity(ctx.method, ctx.args, 0, 1);
      return CATALOG;
    },
  },
  'hosting.datacenter.list': datacenters.list,
  'hosting.image.list': images.list,
  'hosting.image.info': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const id = int(ctx.args[0], 'image_id');
      const image = IMAGE_BY_ID.get(id);
      if (!image) throw notFound('OBJECT_IMAGE', 'Image', id);
      return imageView(image);
    },
  },
  'hosting.snapshotprofile.list': snapshotProfiles.list,
  'hosting.disk.list_kernels': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const id = int(ctx.args[0], 'datacenter_id');
      if (!DATACENTER_BY_ID.has(id)) throw notFound('OBJECT_DATACENTER', 'Datacenter', id);
      return Object.fromEntries(
        Object.entries(KERNELS).map(([flavor, names]) => [flavor, [...names]]),
      );
    },
  },
  'hosting.disk.list_options': {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const kernel = str(ctx.args[0], 'kernel_version');
      if (!KNOWN_KERNELS.has(kernel))
        throw dataFault('OBJECT_DISK', 'CAUSE_NO_KERNEL', `Unknown kernel '${kernel}'`);
      if (kernel.startsWith('grub') || kernel.startsWith('raw')) return {};
      return Object.fromEntries(Object.entries(KERNEL_OPTIONS).map(([k, v]) => [k, [...v]]));
    },
  },
};
