import { describe, expect, it } from 'vitest';
import { NO_POLICY, policyHold } from './policy';

describe('approval policy', () => {
  it('holds operator launches above N cores, never owners or admins', () => {
    const policy = { aboveCores: 2 };
    expect(policyHold(policy, 'operator', { cores: 2 })).toBe(null);
    expect(policyHold(policy, 'operator', { cores: 4 })).toBe(
      "Policy: launches above 2 cores need an admin's approval (this one has 4).",
    );
    expect(policyHold(policy, 'admin', { cores: 16 })).toBe(null);
    expect(policyHold(policy, 'owner', { cores: 16 })).toBe(null);
    expect(policyHold(NO_POLICY, 'operator', { cores: 16 })).toBe(null);
  });
});
