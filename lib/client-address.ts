/**
 * Which address a request comes from, as far as this server can know it.
 *
 * The socket's peer address is the only one nobody can forge; a proxy in front reports the
 * address it saw by appending it to `X-Forwarded-For`. With `trustedHops` proxies in front, the
 * client is the entry `trustedHops` places left of the peer: every entry further left was written
 * by someone we do not trust (the client itself can send any `X-Forwarded-For` it likes), so it is
 * never read. With no trusted hop, the address is the socket's.
 */
export function clientAddress(input: {
  /** The socket's remote address (see peer-address.ts); null when unknown. */
  peer: string | null;
  forwardedFor: string | null;
  trustedHops: number;
}): string {
  const forwarded = (input.forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const chain = input.peer ? [...forwarded, input.peer] : forwarded;
  if (chain.length === 0) return 'unknown';
  if (!input.peer && input.trustedHops === 0) {
    // No peer address: the right-most entry is the closest thing to it (Next puts the socket there
    // when the client sent none). Never the left-most, which the client chooses.
    return normalize(chain[chain.length - 1]!);
  }
  const hops = input.peer ? input.trustedHops : Math.max(0, input.trustedHops - 1);
  // Fewer entries than trusted hops: the farthest one known is the best answer.
  const index = Math.max(0, chain.length - 1 - hops);
  return normalize(chain[index]!);
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
