import 'server-only';
import { requestClientAddress } from '@/lib/request-address';

/** The requesting address for the audit log (the same one the sign-in throttle counts). */
export async function requestAddress(): Promise<string | null> {
  try {
    const address = await requestClientAddress();
    return address === 'unknown' ? null : address;
  } catch {
    return null;
  }
}
