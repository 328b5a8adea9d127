/**
 * The seed accounts (contract shared with the client, the panel and e2e). Keys match the API's
 * `^[a-z0-9]{24}$` format.
 */
export const DEMO_API_KEY = 'demoaccount0000000000001';
export const OTHER_API_KEY = 'otheraccount000000000002';
export const NO_CREDITS_API_KEY = 'nocredits000000000000003';

export interface SeedAccount {
  apiKey: string;
  handle: string;
  fullname: string;
  credits: number;
}

export const SEED_ACCOUNTS: readonly SeedAccount[] = [
  { apiKey: DEMO_API_KEY, handle: 'DA1234-GANDI', fullname: 'Demo Account', credits: 2335360 },
  { apiKey: OTHER_API_KEY, handle: 'OA5678-GANDI', fullname: 'Other Account', credits: 500000 },
  { apiKey: NO_CREDITS_API_KEY, handle: 'NC9012-GANDI', fullname: 'No Credits', credits: 0 },
];
