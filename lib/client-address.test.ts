import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('with no trusted proxy, is the socket address whatever X-Forwarded-For says', () => {
    expect(clientAddress({ peer: '203.0.113.9', forwardedFor: '1.2.3.4', trustedHops: 0 })).toBe(
      '203.0.113.9',
    );
    expect(clientAddress({ peer: '::ffff:10.0.0.7', forwardedFor: null, trustedHops: 0 })).toBe(
      '10.0.0.7',
    );
  });

  it('across trusted hops, takes the right-most entry those hops did not write', () => {
    // Client forged "6.6.6.6"; HAProxy (the peer, trusted) appended the address it saw.
    const viaOne = { peer: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9', trustedHops: 1 };
    expect(clientAddress(viaOne)).toBe('203.0.113.9');
    const viaTwo = {
      peer: '10.0.0.2',
      forwardedFor: '6.6.6.6, 203.0.113.9, 10.0.0.1',
      trustedHops: 2,
    };
    expect(clientAddress(viaTwo)).toBe('203.0.113.9');
  });

  it('rotating or forging the left part of X-Forwarded-For never changes the answer', () => {
    const answers = ['1.1.1.1', '2.2.2.2, 3.3.3.3', '198.51.100.200', 'garbage, , x'].map(
      (forged) =>
        clientAddress({
          peer: '127.0.0.1',
          forwardedFor: `${forged}, 203.0.113.9`,
          trustedHops: 1,
        }),
    );
    expect(new Set(answers)).toEqual(new Set(['203.0.113.9']));
  });

  it('with fewer entries than trusted hops, takes the farthest one known', () => {
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: null, trustedHops: 2 })).toBe(
      '127.0.0.1',
    );
  });

  it('without a peer address, never trusts the left-most entry', () => {
    expect(
      clientAddress({ peer: null, forwardedFor: '6.6.6.6, 203.0.113.9', trustedHops: 0 }),
    ).toBe('203.0.113.9');
    expect(clientAddress({ peer: null, forwardedFor: null, trustedHops: 0 })).toBe('unknown');
  });
});
