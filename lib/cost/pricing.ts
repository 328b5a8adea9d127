import 'server-only';
import { cache } from 'react';
import {
  accountInfo,
  catalogList,
  GandiError,
  ratingList,
  type GandiConnection,
} from '@/lib/gandi';
import { isRevokedKeyError } from '@/lib/dal/auth';
import { burnPerHour } from '@/lib/dal/runway';
import { priceTableFromCatalog, type PriceTable } from './estimate';

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
  };
});
