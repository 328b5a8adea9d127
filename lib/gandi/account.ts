import type { RawAccount, RawContactBalance, RawPrepaid, RawRating } from './raw-types';
import { reshapeAccount, reshapePriceTable, reshapeRating, struct } from './reshape';
import { asOne, optionsParam, read } from './rpc';
import type {
  Account,
  ContactBalance,
  GandiConnection,
  ListOptions,
  PriceLine,
  RatingLine,
} from './types';

/** `hosting.account.info`: handle, credits and billing model of the key's account. */
export function accountInfo(conn: GandiConnection): Promise<Account> {
  return read(
    conn,
    'hosting.account.info',
    [],
    asOne<RawAccount, Account>('account', reshapeAccount),
  );
}

/** `hosting.rating.list`: what the account's current resources cost per hour. */
export function ratingList(conn: GandiConnection, options?: ListOptions): Promise<RatingLine[]> {
  return read(conn, 'hosting.rating.list', optionsParam(options), (v) =>
    (Array.isArray(v) ? v : [v]).map((item) =>
      asOne<RawRating, RatingLine>('rating', reshapeRating)(item),
    ),
  );
}

/**
 * `hosting.catalog.list`: the price of each resource in credits per hour. An endpoint without it
 * answers fault 1 ("method not supported"), surfaced as a GandiError (`isUnsupportedMethod`) so the
 * UI can say "price unknown" instead of guessing.
 */
export function catalogList(conn: GandiConnection, options?: ListOptions): Promise<PriceLine[]> {
  return read(conn, 'hosting.catalog.list', optionsParam(options), reshapePriceTable);
}

/** `contact.balance`: the prepaid account's balance (gandi.cli's `account info` shows it). */
export function contactBalance(conn: GandiConnection): Promise<ContactBalance> {
  return read(conn, 'contact.balance', [], (value) => {
    const raw = struct<RawContactBalance>(value, 'balance');
    const prepaid =
      raw.prepaid && typeof raw.prepaid === 'object'
        ? struct<RawPrepaid>(raw.prepaid, 'prepaid')
        : null;
    return {
      prepaid: prepaid
        ? { amount: Number(prepaid.amount), currency: String(prepaid.currency ?? '') }
        : null,
    };
  });
}
