/**
 * Costs for people, one way in every cost box: credits per hour (Gandi bills hourly) and per
 * month, a month counted as 730 hours (365 × 24 / 12), and the same in money when the account
 * says what a credit costs it (`average_credit_cost`) and in which currency (`contact.balance`).
 */
export const HOURS_PER_MONTH = 730;

export const MONTH_NOTE = 'A month is counted as 730 hours.';

/** What one credit costs the account, in its currency. */
export interface CreditPrice {
  perCredit: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}

const credits = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const wholeCredits = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function formatCredits(value: number): string {
  return `${credits.format(value)} credits`;
}

function formatMoney(amount: number, currency: string): string | null {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    // Not an ISO 4217 code the runtime knows: say nothing rather than print a wrong sign.
    return null;
  }
}

/** A rate without sign: "12 credits/hour · 8,760 credits/month (≈ €3.50/month)". */
function formatRate(perHour: number, sign: string, price: CreditPrice | null | undefined): string {
  const perMonth = perHour * HOURS_PER_MONTH;
  const money =
    price && price.perCredit > 0 ? formatMoney(perMonth * price.perCredit, price.currency) : null;
  return (
    `${sign}${credits.format(perHour)} credits/hour · ` +
    `${sign}${wholeCredits.format(perMonth)} credits/month` +
    (money ? ` (≈ ${sign}${money}/month)` : '')
  );
}

/** What something burns: "12 credits/hour · 8,760 credits/month". */
export function formatCostRate(perHour: number, price?: CreditPrice | null): string {
  return formatRate(perHour, '', price);
}

/** What a change adds or frees: "+12 credits/hour · +8,760 credits/month", or "no change". */
export function formatCostDelta(perHour: number, price?: CreditPrice | null): string {
  if (perHour === 0) return 'no change';
  return formatRate(Math.abs(perHour), perHour > 0 ? '+' : '−', price);
}
