import type { RproxyAlgorithm, RproxyProbe } from '@/lib/gandi/rproxy-types';

/** What the detail page hands to its client controls (no key, nothing secret). */
export interface RproxyView {
  id: number;
  name: string;
  state: string;
  algorithm: RproxyAlgorithm | null;
  sslEnabled: boolean;
  probe: RproxyProbe;
  backends: { id: number; ip: string; port: number; state: string; host: string | null }[];
  vhosts: { id: number; name: string; state: string }[];
}

/** `useOperationGroups().follow`: shows what an action started, live, under a title. */
export type Follow = (title: string) => (data: { operations: { id: number }[] }) => void;
