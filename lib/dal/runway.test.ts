import { describe, expect, it } from 'vitest';
import { burnPerHour, formatRunway, runway } from './runway';

describe('runway', () => {
  it('sums every rating line', () => {
    expect(
      burnPerHour([
        { timestamp: null, creditsPerHour: 633, breakdown: {} },
        { timestamp: null, creditsPerHour: 7, breakdown: {} },
      ]),
    ).toBe(640);
    expect(burnPerHour([])).toBe(0);
  });

  it('divides credits by the burn and splits into days and hours', () => {
    // gandi.cli's example: 2,335,360 credits at 633/h
    expect(runway(2_335_360, 633)).toEqual({ hours: 3689, days: 153, remainderHours: 17 });
    expect(formatRunway(runway(2_335_360, 633))).toBe('153 days 17 hours');
    expect(formatRunway(runway(48, 1))).toBe('2 days');
    expect(formatRunway(runway(25, 1))).toBe('1 day 1 hour');
    expect(formatRunway(runway(5, 10))).toBe('less than an hour');
  });

  it('is unbounded ("—") when nothing burns', () => {
    expect(runway(100, 0)).toBeNull();
    expect(formatRunway(runway(100, 0))).toBe('—');
  });
});
