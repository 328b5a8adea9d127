/**
 * The creation wizard's state and rules, without React: what each step needs, which step a
 * field belongs to, and the draft → `create_from` input mapping. The browser uses it to guide;
 * the server re-validates everything with `createVmSchema` and the real catalogue.
 */
import {
  DEFAULT_BANDWIDTH_KBPS,
  DISK_STEP_MB,
  accessProblem,
  coresProblem,
  diskSizeProblem,
  hostnameProblem,
  memoryProblem,
  minimumDiskSizeMb,
  passwordProblem,
  type CreateVmInput,
  type IpMode,
} from '@/lib/validation/vm';

export const WIZARD_STEPS = [
  { id: 'datacenter', title: 'Datacenter' },
  { id: 'image', title: 'Image' },
  { id: 'size', title: 'Size' },
  { id: 'network', title: 'Network' },
  { id: 'access', title: 'Access' },
  { id: 'review', title: 'Review' },
] as const;
export type StepId = (typeof WIZARD_STEPS)[number]['id'];

/** What the wizard may show of the catalogue (plain data, safe for the browser). */
export interface WizardDatacenter {
  id: number;
  name: string;
  dcCode: string | null;
  country: string;
  iaasClosedFor: 'NONE' | 'NEW' | 'ALL';
  /** ISO instant, or null. */
  deactivateAt: string | null;
}

export interface WizardImage {
  diskId: number;
  datacenterId: number;
  label: string;
  size: number | null;
  osArch: string;
  deprecated: boolean;
}

export interface WizardSshKey {
  id: number;
  name: string;
  fingerprint: string;
}

/** A private VLAN a VM can be created on (instead of a public interface). */
export interface WizardVlan {
  id: number;
  name: string;
  subnet: string | null;
  datacenterId: number;
}

export interface WizardCatalog {
  datacenters: WizardDatacenter[];
  images: WizardImage[];
  sshKeys: WizardSshKey[];
  vlans?: WizardVlan[];
}

export interface WizardDraft {
  datacenterId: number | null;
  srcDiskId: number | null;
  cores: string;
  memory: string;
  /** GB in the form; the API counts MB. */
  diskSizeGb: string;
  ipMode: IpMode;
  bandwidth: number;
  /** Set: the VM is on this private VLAN only (no public interface). */
  vlanId: number | null;
  hostname: string;
  password: string;
  sshKeyIds: number[];
}

export const INITIAL_DRAFT: WizardDraft = {
  datacenterId: null,
  srcDiskId: null,
  cores: '1',
  memory: '1024',
  diskSizeGb: '',
  ipMode: 'dual',
  bandwidth: DEFAULT_BANDWIDTH_KBPS,
  vlanId: null,
  hostname: '',
  password: '',
  sshKeyIds: [],
};

export type DatacenterStatus =
  { kind: 'open' } | { kind: 'closing'; on: string | null } | { kind: 'closed' };

export function datacenterStatus(dc: WizardDatacenter): DatacenterStatus {
  if (dc.iaasClosedFor === 'ALL') return { kind: 'closed' };
  if (dc.iaasClosedFor === 'NEW' || dc.deactivateAt !== null)
    return { kind: 'closing', on: dc.deactivateAt };
  return { kind: 'open' };
}

export function vlansOf(catalog: WizardCatalog, datacenterId: number | null): WizardVlan[] {
  return (catalog.vlans ?? []).filter((vlan) => vlan.datacenterId === datacenterId);
}

export function imagesOf(catalog: WizardCatalog, datacenterId: number | null): WizardImage[] {
  return catalog.images.filter((image) => image.datacenterId === datacenterId);
}

export function selectedImage(catalog: WizardCatalog, draft: WizardDraft): WizardImage | null {
  return (
    imagesOf(catalog, draft.datacenterId).find((image) => image.diskId === draft.srcDiskId) ?? null
  );
}

/** A datacenter change drops an image of another datacenter. */
export function chooseDatacenter(
  draft: WizardDraft,
  catalog: WizardCatalog,
  id: number,
): WizardDraft {
  const keepImage = imagesOf(catalog, id).some((image) => image.diskId === draft.srcDiskId);
  const keepVlan = vlansOf(catalog, id).some((vlan) => vlan.id === draft.vlanId);
  return {
    ...draft,
    datacenterId: id,
    srcDiskId: keepImage ? draft.srcDiskId : null,
    vlanId: keepVlan ? draft.vlanId : null,
  };
}

/** An image change raises the disk size to at least the image (never lowers a bigger choice). */
export function chooseImage(draft: WizardDraft, image: WizardImage): WizardDraft {
  const minGb = minimumDiskSizeMb(image.size) / DISK_STEP_MB;
  const current = Number(draft.diskSizeGb);
  const diskSizeGb =
    draft.diskSizeGb === '' || !Number.isFinite(current) || current < minGb
      ? String(minGb)
      : draft.diskSizeGb;
  return { ...draft, srcDiskId: image.diskId, diskSizeGb };
}

export type FieldErrors = Partial<Record<keyof CreateVmInput, string>>;

/** Which step shows a field, to open the right step for a server-side field error. */
export const STEP_OF_FIELD: Record<keyof CreateVmInput, StepId> = {
  token: 'review',
  datacenter_id: 'datacenter',
  src_disk_id: 'image',
  cores: 'size',
  memory: 'size',
  disk_size: 'size',
  ip_mode: 'network',
  bandwidth: 'network',
  vlan_id: 'network',
  hostname: 'access',
  password: 'access',
  ssh_key_ids: 'access',
};

function numeric(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The problems of one step, by field (empty when the step is complete). */
export function stepErrors(step: StepId, draft: WizardDraft, catalog: WizardCatalog): FieldErrors {
  const errors: FieldErrors = {};
  switch (step) {
    case 'datacenter': {
      const dc = catalog.datacenters.find((candidate) => candidate.id === draft.datacenterId);
      if (!dc) errors.datacenter_id = 'Choose a datacenter.';
      else if (datacenterStatus(dc).kind === 'closed')
        errors.datacenter_id = `${dc.name} is closed to new servers.`;
      break;
    }
    case 'image':
      if (!selectedImage(catalog, draft)) errors.src_disk_id = 'Choose an image.';
      break;
    case 'size': {
      const cores = coresProblem(numeric(draft.cores));
      if (cores) errors.cores = cores;
      const memory = memoryProblem(numeric(draft.memory));
      if (memory) errors.memory = memory;
      const disk = diskSizeProblem(
        numeric(draft.diskSizeGb) * DISK_STEP_MB,
        selectedImage(catalog, draft)?.size ?? null,
      );
      if (disk) errors.disk_size = disk;
      break;
    }
    case 'network':
      if (
        draft.vlanId !== null &&
        !vlansOf(catalog, draft.datacenterId).some((vlan) => vlan.id === draft.vlanId)
      )
        errors.vlan_id = 'Choose a VLAN of this datacenter.';
      break;
    case 'access': {
      const hostname = hostnameProblem(draft.hostname.trim());
      if (hostname) errors.hostname = hostname;
      const password = draft.password === '' ? null : passwordProblem(draft.password);
      const access = accessProblem(draft.password, draft.sshKeyIds);
      if (password ?? access) errors.password = (password ?? access) as string;
      break;
    }
    case 'review':
      break;
  }
  return errors;
}

/** The first step (in order) that is not complete, or null when the draft can be sent. */
export function firstIncompleteStep(draft: WizardDraft, catalog: WizardCatalog): StepId | null {
  for (const step of WIZARD_STEPS) {
    if (Object.keys(stepErrors(step.id, draft, catalog)).length > 0) return step.id;
  }
  return null;
}

/** The draft as the action's input (what the hidden fields carry), or null if incomplete. */
export function draftToInput(
  draft: WizardDraft,
  catalog: WizardCatalog,
): Omit<CreateVmInput, 'token'> | null {
  if (firstIncompleteStep(draft, catalog) !== null) return null;
  if (draft.datacenterId === null || draft.srcDiskId === null) return null;
  return {
    datacenter_id: draft.datacenterId,
    src_disk_id: draft.srcDiskId,
    hostname: draft.hostname.trim(),
    cores: Number(draft.cores),
    memory: Number(draft.memory),
    disk_size: Number(draft.diskSizeGb) * DISK_STEP_MB,
    ip_mode: draft.ipMode,
    bandwidth: draft.bandwidth,
    password: draft.password,
    ssh_key_ids: draft.sshKeyIds,
    ...(draft.vlanId !== null ? { vlan_id: draft.vlanId } : {}),
  };
}
