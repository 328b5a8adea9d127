import type { Datacenter } from '@/lib/gandi/types';

/** What a form offers as a datacenter for a new resource (safe to import from client code). */
export interface DatacenterChoice {
  id: number;
  label: string;
  /** `iaas_closed_for: NEW`: only accounts already there can add resources, until it closes. */
  closing: boolean;
}

export const CLOSING_SUFFIX = ' (closing: only where you already have resources)';

/**
 * The datacenters a create form offers, the same way everywhere: closed ones left out, open ones
 * first, closing ones last and labelled. So every form's default (its first option) is an open
 * datacenter, never one about to close.
 */
export function datacenterChoices(
  datacenters: readonly Pick<Datacenter, 'id' | 'name' | 'dcCode' | 'iaasClosedFor'>[],
): DatacenterChoice[] {
  return datacenters
    .filter((dc) => dc.iaasClosedFor !== 'ALL')
    .map((dc) => {
      const closing = dc.iaasClosedFor === 'NEW';
      const label = `${dc.dcCode ?? dc.name} — ${dc.name}`;
      return { id: dc.id, label: closing ? label + CLOSING_SUFFIX : label, closing };
    })
    .sort((a, b) => Number(a.closing) - Number(b.closing));
}
