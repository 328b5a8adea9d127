import type { TeamAction } from '@/lib/team/roles';

/**
 * The methods the portal's endpoint answers: what the panel's client supports, with the Gandi
 * object its refusals name and, for reads, the permission they need. Anything else is "not
 * supported" (fault 1, as Gandi and the simulator say), so no unknown method reaches the upstream.
 * Mutations name no permission here: the gate decides them from the method and its arguments.
 */
export type MethodRule =
  | { access: 'read'; object: string; permission: TeamAction | null; operations?: true }
  | { access: 'mutation'; object: string };

const read = (object: string, permission: TeamAction | null): MethodRule => ({
  access: 'read',
  object,
  permission,
});
/** `operation.*`: scoped to the member's own operations (see operation-scope.ts). */
const operationRead = (): MethodRule => ({
  access: 'read',
  object: 'OBJECT_OPERATION',
  permission: 'operation.read',
  operations: true,
});
const mutation = (object: string): MethodRule => ({ access: 'mutation', object });

const OBJECT_BY_AREA: Record<string, string> = {
  vm: 'OBJECT_VM',
  disk: 'OBJECT_DISK',
  iface: 'OBJECT_IFACE',
  ip: 'OBJECT_IP',
  vlan: 'OBJECT_VLAN',
  ssh: 'OBJECT_KEY',
  rproxy: 'OBJECT_RPROXY',
};

function area(
  name: keyof typeof OBJECT_BY_AREA,
  reads: readonly string[],
  mutations: readonly string[],
): [string, MethodRule][] {
  const object = OBJECT_BY_AREA[name]!;
  return [
    ...reads.map((m): [string, MethodRule] => [
      `hosting.${name}.${m}`,
      read(object, `${name}.read` as TeamAction),
    ]),
    ...mutations.map((m): [string, MethodRule] => [`hosting.${name}.${m}`, mutation(object)]),
  ];
}

export const METHOD_RULES: ReadonlyMap<string, MethodRule> = new Map<string, MethodRule>([
  ['version.info', read('OBJECT_ACCOUNT', null)],
  ['contact.balance', read('OBJECT_ACCOUNT', 'account.read')],
  ['hosting.account.info', read('OBJECT_HOSTING_ACCOUNT', 'account.read')],
  ['hosting.rating.list', read('OBJECT_HOSTING_ACCOUNT', 'account.read')],
  ['hosting.catalog.list', read('OBJECT_CATALOG_ENTRY', 'catalog.read')],
  ['hosting.datacenter.list', read('OBJECT_DATACENTER', 'catalog.read')],
  ['hosting.image.list', read('OBJECT_IMAGE', 'catalog.read')],
  ['hosting.image.info', read('OBJECT_IMAGE', 'catalog.read')],
  ['hosting.snapshotprofile.list', read('OBJECT_SNAPSHOT_PROFILE', 'catalog.read')],
  ['hosting.metric.available', read('OBJECT_VM', 'metric.read')],
  ['hosting.metric.query', read('OBJECT_VM', 'metric.read')],
  ['operation.info', operationRead()],
  ['operation.list', operationRead()],
  ['operation.count', operationRead()],
  ['operation.cancel', mutation('OBJECT_OPERATION')],
  ...area(
    'vm',
    ['list', 'count', 'info', 'can_migrate'],
    [
      'create',
      'create_from',
      'update',
      'start',
      'stop',
      'reboot',
      'delete',
      'disk_attach',
      'disk_detach',
      'iface_attach',
      'iface_detach',
      'migrate',
    ],
  ),
  ...area(
    'disk',
    ['list', 'count', 'info', 'list_kernels', 'list_options'],
    ['create', 'create_from', 'update', 'delete', 'migrate', 'rollback_from'],
  ),
  ...area('iface', ['list', 'count', 'info'], ['create', 'update', 'delete']),
  ...area('ip', ['list', 'count', 'info'], ['update']),
  ...area('vlan', ['list', 'count', 'info'], ['create', 'update', 'delete']),
  ...area('ssh', ['list', 'count', 'info'], ['create', 'delete']),
  // Load balancers: every member reads them (`probe.test` only asks the backends); the gate
  // decides each change (lib/team/gate/rproxy-rules.ts: owners and admins only).
  ...area(
    'rproxy',
    [
      'list',
      'count',
      'info',
      'probe.test',
      'server.list',
      'server.count',
      'vhost.list',
      'vhost.count',
    ],
    [
      'create',
      'update',
      'delete',
      'probe.update',
      'probe.enable',
      'probe.disable',
      'server.create',
      'server.delete',
      'server.enable',
      'server.disable',
      'vhost.create',
      'vhost.delete',
      'vhost.get_dns_entries',
    ],
  ),
]);
