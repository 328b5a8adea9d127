import { describe, expect, it } from 'vitest';
import { config } from 'zod/v4/core';

describe('instrumentation-client', () => {
  it('turns zod’s eval-compiled parsers off without importing zod (CSP forbids eval)', async () => {
    expect(config().jitless).not.toBe(true);
    await import('../instrumentation-client');
    // zod was loaded first here: the setting reaches the object it already holds.
    expect(config().jitless).toBe(true);
  });
});
