import 'server-only';
import { SignInThrottle } from '@/lib/dal/sign-in-throttle';
import { findEndpoint } from '@/lib/endpoints';
import { getTeamStore } from '@/lib/team/runtime';
import { TokenStore } from '@/lib/team/tokens/token-store';
import type { GatewayDeps, GatewayLimits } from './gateway-call';
import { gatedMutations } from './mutations-gated';
import { RateLimiter } from './rate-limit';

/**
 * Per process, kept across hot reloads: 600 calls a minute per token (gandi.cli polls each
 * operation every second) and 1,200 per client address; ten unknown tokens from one address are
 * free, then each further one locks that address out for twice as long (from 1 s, up to 5 min).
 */
const globalForGateway = globalThis as typeof globalThis & { __gatewayLimits?: GatewayLimits };
const limits = (globalForGateway.__gatewayLimits ??= {
  perToken: new RateLimiter({ limit: 600, windowMs: 60_000 }),
  perAddress: new RateLimiter({ limit: 1_200, windowMs: 60_000 }),
  badTokens: new SignInThrottle({ freeFailures: 10, baseDelayMs: 1_000 }),
});

export async function gatewayDeps(): Promise<GatewayDeps> {
  const team = await getTeamStore();
  return {
    tokens: new TokenStore(team.db),
    team,
    endpointUrl: (id) => findEndpoint(id)?.url,
    mutate: gatedMutations,
    limits,
  };
}
