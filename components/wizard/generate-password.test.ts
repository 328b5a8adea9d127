import { describe, expect, it } from 'vitest';
import { GENERATED_PASSWORD_LENGTH, generatePassword, type RandomFill } from './generate-password';
import { passwordProblem } from '@/lib/validation/vm';

/** A deterministic byte source: a counter, so results are reproducible. */
function counterFill(start = 0): RandomFill {
  let next = start;
  return (array) => {
    for (let i = 0; i < array.length; i++) array[i] = next++ % 256;
    return array;
  };
}

describe('generatePassword', () => {
  it('makes a valid password of the announced length from the random source', () => {
    const password = generatePassword(counterFill());
    expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
    expect(passwordProblem(password)).toBeNull();
    expect(password).toMatch(/^[A-Za-z0-9]{6}[-_.+=@%][A-Za-z0-9]{6}[-_.+=@%][A-Za-z0-9]{4}$/);
  });

  it('is deterministic for a given source and differs for another', () => {
    expect(generatePassword(counterFill(5))).toBe(generatePassword(counterFill(5)));
    expect(generatePassword(counterFill(5))).not.toBe(generatePassword(counterFill(9)));
  });

  it('redraws bytes above the unbiased limit instead of folding them', () => {
    // 57 letters/digits: bytes ≥ 228 are rejected. All-255 first, then a counter.
    let calls = 0;
    const fill: RandomFill = (array) => {
      calls += 1;
      if (calls === 1) return array.fill(255);
      return counterFill()(array);
    };
    expect(generatePassword(fill)).toHaveLength(GENERATED_PASSWORD_LENGTH);
    expect(calls).toBeGreaterThan(2);
  });

  it('uses the Web Crypto API by default', () => {
    expect(generatePassword()).toHaveLength(GENERATED_PASSWORD_LENGTH);
  });
});
