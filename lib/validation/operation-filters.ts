import { z } from 'zod';

export const OPERATION_STEP_FILTERS = [
  'running',
  'BILL',
  'WAIT',
  'RUN',
  'DONE',
  'ERROR',
  'CANCEL',
  'SUPPORT',
] as const;
export type OperationStepFilter = (typeof OPERATION_STEP_FILTERS)[number];

/** Types a hosting account produces (the filter's choices; the API accepts any string). */
export const OPERATION_TYPE_FILTERS = [
  'vm_create',
  'vm_delete',
  'vm_start',
  'vm_stop',
  'vm_reboot',
  'vm_update',
  'disk_create',
  'disk_delete',
  'disk_update',
  'disk_attach',
  'disk_detach',
  'iface_create',
  'iface_delete',
  'iface_attach',
  'iface_detach',
  'ip_update',
  'vlan_create',
  'vlan_delete',
  'rproxy_iaas_create',
  'rproxy_iaas_delete',
  'hosting_migration_vm',
] as const;

export const OPERATIONS_PAGE_SIZE = 25;

export interface OperationFilters {
  step?: OperationStepFilter;
  type?: string;
  page: number;
  pageSize: number;
}

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const schema = z.object({
  step: z.preprocess(single, z.enum(OPERATION_STEP_FILTERS).optional().catch(undefined)),
  type: z.preprocess(
    single,
    z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/)
      .optional()
      .catch(undefined),
  ),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(100_000).catch(1)),
});

export function parseOperationFilters(
  params: Record<string, string | string[] | undefined>,
): OperationFilters {
  const parsed = schema.parse({ page: '1', ...params });
  return {
    page: parsed.page,
    pageSize: OPERATIONS_PAGE_SIZE,
    ...(parsed.step ? { step: parsed.step } : {}),
    ...(parsed.type ? { type: parsed.type } : {}),
  };
}
