import { describe, expect, it } from 'vitest';
import { formatCostDelta, formatCostRate, formatCredits, HOURS_PER_MONTH } from './format';

describe('cost formatting', () => {
  it('counts a month as 730 hours', () => expect(HOURS_PER_MONTH).toBe(730));

  it('gives the hourly and the monthly figure in credits', () => {
    expect(formatCostRate(12)).toBe('12 credits/hour · 8,760 credits/month');
    expect(formatCostRate(0.5)).toBe('0.5 credits/hour · 365 credits/month');
    expect(formatCredits(2_335_360)).toBe('2,335,360 credits');
  });

  it('signs a change both ways and says when nothing changes', () => {
    expect(formatCostDelta(168)).toBe('+168 credits/hour · +122,640 credits/month');
    expect(formatCostDelta(-120)).toBe('−120 credits/hour · −87,600 credits/month');
    expect(formatCostDelta(0)).toBe('no change');
  });

  it('adds the money per month when the account prices its credits', () => {
    expect(formatCostRate(10, { perCredit: 0.001, currency: 'EUR' })).toBe(
      '10 credits/hour · 7,300 credits/month (≈ €7.30/month)',
    );
    expect(formatCostDelta(-10, { perCredit: 0.001, currency: 'USD' })).toBe(
      '−10 credits/hour · −7,300 credits/month (≈ −$7.30/month)',
    );
  });

  it('stays in credits when the price is zero or the currency unknown', () => {
    expect(formatCostRate(10, { perCredit: 0, currency: 'EUR' })).toBe(
      '10 credits/hour · 7,300 credits/month',
    );
    expect(formatCostRate(10, { perCredit: 0.001, currency: 'not a currency' })).toBe(
      '10 credits/hour · 7,300 credits/month',
    );
  });
});
