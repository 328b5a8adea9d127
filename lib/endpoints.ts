import 'server-only';
import { getEnv, type EndpointId } from '@/lib/env';

export type { EndpointId };

export interface Endpoint {
  id: EndpointId;
  label: string;
  url: string;
}

/**
 * Every endpoint the panel knows. The browser only ever sends an `id`; the URL is resolved here,
 * so a crafted form can never point the server at another host.
 */
export const ENDPOINTS: Readonly<
  Record<EndpointId, { id: EndpointId; label: string; url: () => string }>
> = {
  simulator: { id: 'simulator', label: 'Local simulator', url: () => getEnv().simulatorUrl },
  ote: { id: 'ote', label: 'Gandi test (OT&E)', url: () => 'https://rpc.ote.gandi.net/xmlrpc/' },
  production: {
    id: 'production',
    label: 'Gandi production',
    url: () => 'https://rpc.gandi.net/xmlrpc/',
  },
};

/** The endpoints this deployment offers at sign-in, in configured order. */
export function configuredEndpoints(): Endpoint[] {
  return getEnv().endpointIds.map((id) => resolve(id));
}

/** The configured endpoint with this id, or undefined (unknown or not offered here). */
export function findEndpoint(id: string): Endpoint | undefined {
  const ids: readonly string[] = getEnv().endpointIds;
  return ids.includes(id) ? resolve(id as EndpointId) : undefined;
}

function resolve(id: EndpointId): Endpoint {
  const entry = ENDPOINTS[id];
  return { id: entry.id, label: entry.label, url: entry.url() };
}
