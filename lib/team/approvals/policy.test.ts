import { describe, expect, it } from 'vitest';
import { deleteHold, NO_POLICY, policyHold } from './policy';

describe('approval policy', () => {
  it('holds operator launches above N cores, never owners or admins', () => {
    const policy = { aboveCores: 2, operatorDeletes: false };
    expect(policyHold(policy, 'operator', { cores: 2 })).toBe(null);
    expect(policyHold(policy, 'operator', { cores: 4 })).toBe(
      "Policy: launches above 2 cores need an admin's approval (this one has 4).",
    );
    expect(policyHold(policy, 'admin', { cores: 16 })).toBe(null);
    expect(policyHold(policy, 'owner', { cores: 16 })).toBe(null);
    expect(policyHold(NO_POLICY, 'operator', { cores: 16 })).toBe(null);
  });

  it("holds an operator's deletes only when the rule is on, never an owner's or admin's", () => {
    const policy = { aboveCores: null, operatorDeletes: true };
    expect(deleteHold(policy, 'operator')).toBe(
      "Policy: deletes by an operator need an admin's approval.",
    );
    expect(deleteHold(policy, 'admin')).toBe(null);
    expect(deleteHold(policy, 'owner')).toBe(null);
    expect(deleteHold(NO_POLICY, 'operator')).toBe(null);
    // The cores rule says nothing about deletes, and the delete rule nothing about launches.
    expect(deleteHold({ aboveCores: 0, operatorDeletes: false }, 'operator')).toBe(null);
    expect(policyHold(policy, 'operator', { cores: 64 })).toBe(null);
  });
});
