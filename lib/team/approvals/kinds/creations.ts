import 'server-only';
import { createDisk, snapshotDisk } from '@/lib/dal/disk-mutations';
import { attachIface, createPublicIface } from '@/lib/dal/network';
import { ActionError } from '@/lib/action';
import { operationInfo, operationList, type GandiConnection } from '@/lib/gandi';
import { z } from 'zod';
import { DISK_SOURCES, type CreateDiskInput } from '@/lib/validation/disk';
import { createPublicIfaceSchema } from '@/lib/validation/network';
import { defineKind, type RequestRun } from './request-kind';

/**
 * A new disk, snapshot or public IP a quota refused. The stored parameters are the form's validated input,
 * checked again when the request runs (a stored request is input too).
 */

const id = z.number().int().positive();

/** The disk form's validated output as stored (its own schema reads form strings, not this). */
const diskCreateParams = z
  .object({
    source: z.enum(DISK_SOURCES),
    datacenter_id: id.optional(),
    name: z.string().min(1),
    size_gb: id.optional(),
    src_disk_id: id.optional(),
    image_disk_id: id.optional(),
    snapshot_profile: id.nullable(),
  })
  .strict() satisfies z.ZodType<CreateDiskInput>;

const DISK_SOURCE_LABEL = { empty: 'empty', disk: 'copy of a disk', image: 'from an image' };

export const diskCreateKind = defineKind({
  action: 'disk.create',
  params: diskCreateParams,
  creates: true,
  describe: ({ name, size_gb, source }) =>
    `Create disk ${name} (${DISK_SOURCE_LABEL[source]}${size_gb === undefined ? '' : `, ${size_gb} GB`})`,
  run: (input, { conn }) => createDisk(conn, input),
});

export const ifaceCreateKind = defineKind({
  action: 'iface.create',
  params: createPublicIfaceSchema,
  creates: true,
  describe: ({ ip_mode, vm_id }) =>
    `Create a public IP (${ip_mode === 'dual' ? 'IPv4 + IPv6' : 'IPv6 only'})${vm_id === undefined ? '' : ` for VM #${vm_id}`}`,
  run: async (input, { conn }) => {
    const created = await createPublicIface(conn, input);
    const run: RequestRun = { operations: created.operations };
    // As the form does: the API attaches an interface only once its creation is DONE.
    const { ifaceId } = created;
    if (input.vm_id !== undefined && ifaceId !== null) {
      const vmId = input.vm_id;
      run.afterDone = () => attachIface(conn, ifaceId, vmId);
    }
    return run;
  },
  resume: (input, { conn, operationIds = [] }) => resumeAttach(conn, input.vm_id, operationIds),
});

/**
 * The attach after the creation, taken over by another replica: the interface comes from the
 * recorded creation; an attach already sent (recorded or not) is followed, not sent again.
 */
async function resumeAttach(
  conn: GandiConnection,
  vmId: number | undefined,
  recorded: readonly number[],
): Promise<RequestRun> {
  if (vmId === undefined) return { operations: [] };
  let ifaceId: number | null = null;
  for (const id of recorded) ifaceId ??= (await operationInfo(conn, id)).ifaceId;
  if (ifaceId === null) {
    throw new ActionError(
      'The portal stopped while creating this address and cannot tell which it is: check the IP list and attach it by hand.',
    );
  }
  const attaches = await operationList(conn, { iface_id: ifaceId, type: 'iface_attach' });
  const sent = attaches.find((op) => op.step !== 'ERROR' && op.step !== 'CANCEL');
  if (sent) return { operations: [{ id: sent.id }] };
  return attachIface(conn, ifaceId, vmId);
}

/** A snapshot is a new disk of its source's size; an empty name is dated when it runs. */
export const snapshotKind = defineKind({
  action: 'disk.snapshot',
  params: z.object({ disk_id: id, disk_name: z.string().min(1), name: z.string() }).strict(),
  creates: true,
  describe: ({ disk_name, name }) =>
    name === '' ? `Snapshot disk ${disk_name}` : `Snapshot disk ${disk_name} as ${name}`,
  run: ({ disk_id, name }, { conn }) => snapshotDisk(conn, disk_id, name),
});
