/**
 * Runs once when a panel server process starts (Node runtime only): stamps each request with its
 * socket's address (the sign-in throttle's ground truth, see lib/server/peer-address.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerAddressStamp } = await import('./lib/server/peer-address');
  installPeerAddressStamp();
}
