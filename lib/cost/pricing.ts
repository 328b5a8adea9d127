import 'server-only';
import { cache } from 'react';
import {
  accountInfo,
  catalogList,
  contactBalance,
  GandiError,
  ratingList,
  type GandiConnection,
} from '@/lib/gandi';
import { isRevokedKeyError } from '@/lib/dal/auth';
import { burnPerHour } from '@/lib/dal/runway';
import { priceTableFromCatalog, type PriceTable } from './estimate';
import type { CreditPrice } from './format';

/**
 * What the cost estimates need, safe to hand to the browser (prices and account figures only).
 * `unknown` when the endpoint gives no usable price table: the forms then say so, never guess.
 */
export type Pricing =
  | {
      status: 'known';
      prices: PriceTable;
      /** Null when `rating.list` failed: the change's price is still shown, the runway is not. */
      burnPerHour: number | null;
      credits: number | null;
      /** What a credit costs the account in its currency; null: costs are shown in credits only. */
      creditPrice: CreditPrice | null;
    }
  | { status: 'unknown'; reason: string };

export const PRICE_UNSUPPORTED_REASON = 'This endpoint does not publish prices.';
export const PRICE_UNAVAILABLE_REASON = 'The price list could not be loaded.';
export const PRICE_INCOMPLETE_REASON = 'The price list lacks a billed resource.';

function unknownReason(err: unknown): string {
  return err instanceof GandiError && err.isUnsupportedMethod
    ? PRICE_UNSUPPORTED_REASON
    : PRICE_UNAVAILABLE_REASON;
}

/** Prices, burn and credits of the account, fetched once per request (React `cache`). */
export const getPricing = cache(async (conn: GandiConnection): Promise<Pricing> => {
  const [catalog, rating, account] = await Promise.allSettled([
    catalogList(conn),
    ratingList(conn),
    accountInfo(conn),
  ]);
  // A revoked key is the session's business, not a missing price.
  for (const result of [catalog, rating, account]) {
    if (result.status === 'rejected' && isRevokedKeyError(result.reason)) throw result.reason;
  }
  if (catalog.status === 'rejected')
    return { status: 'unknown', reason: unknownReason(catalog.reason) };
  const prices = priceTableFromCatalog(catalog.value);
  if (!prices) return { status: 'unknown', reason: PRICE_INCOMPLETE_REASON };
  return {
    status: 'known',
    prices,
    burnPerHour: rating.status === 'fulfilled' ? burnPerHour(rating.value) : null,
    credits: account.status === 'fulfilled' ? account.value.credits : null,
    creditPrice: await creditPriceOf(
      conn,
      account.status === 'fulfilled' ? account.value.averageCreditCost : null,
    ),
  };
});

/**
 * Money per credit, when the account's data gives it: `average_credit_cost` above zero, and the
 * currency of its prepaid account (`contact.balance`, asked only then). Otherwise null.
 */
async function creditPriceOf(
  conn: GandiConnection,
  averageCreditCost: number | null,
): Promise<CreditPrice | null> {
  if (averageCreditCost === null || !(averageCreditCost > 0)) return null;
  try {
    const currency = (await contactBalance(conn)).prepaid?.currency ?? '';
    return /^[A-Z]{3}$/.test(currency) ? { perCredit: averageCreditCost, currency } : null;
  } catch (err) {
    if (isRevokedKeyError(err)) throw err;
    return null;
  }
}
