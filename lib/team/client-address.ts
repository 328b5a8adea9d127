import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/dal/sign-in-throttle';

/** The requesting address for the audit log (x-forwarded-for first, as the sign-in throttle reads it). */
export async function requestAddress(): Promise<string | null> {
  try {
    const list = await headers();
    const address = clientAddress(list.get('x-forwarded-for'), list.get('x-real-ip'));
    return address === 'unknown' ? null : address;
  } catch {
    return null;
  }
}
