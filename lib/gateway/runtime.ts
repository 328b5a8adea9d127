import 'server-only';
import { sharedDb } from '@/lib/shared-state';
import { SignInThrottle } from '@/lib/shared-state/sign-in-throttle';
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
const globalForGateway = globalThis as typeof globalThis & {
  __gatewayLimits?: Omit<GatewayLimits, 'badTokens'>;
};
const globalLimits = (globalForGateway.__gatewayLimits ??= {
  perToken: new RateLimiter({ limit: 600, windowMs: 60_000 }),
  perAddress: new RateLimiter({ limit: 1_200, windowMs: 60_000 }),
});

export async function gatewayDeps(): Promise<GatewayDeps> {
  const team = await getTeamStore();
  return {
    tokens: new TokenStore(team.db),
    team,
    endpointUrl: (id) => findEndpoint(id)?.url,
    mutate: gatedMutations,
    // Unknown tokens are counted in the shared storage, so every replica sees the same count.
    limits: {
      ...globalLimits,
      badTokens: new SignInThrottle(await sharedDb(), { freeFailures: 10, baseDelayMs: 1_000 }),
    },
  };
}
