import { hkdfSync } from 'node:crypto';
import { decryptSecret, encryptSecret } from '@/lib/team/crypto';

/**
 * A personal user's API key, sealed for the one durable job that needs it (a bulk delete that
 * outlives the response and may be finished by another replica). Personal mode keeps the key in
 * the session cookie only, sealed with SESSION_PASSWORD — the job cannot read a browser's cookie,
 * so it gets its own copy sealed the way the team key is (AES-256-GCM, `lib/team/crypto.ts`) under
 * a key derived from that same secret: every replica has it (it is required in production),
 * PORTAL_ENCRYPTION_KEY may not exist in personal mode, and rotating SESSION_PASSWORD ends the
 * sessions and these copies alike. The job's id is the associated data, so a sealed key copied into
 * another job's row does not open there. The job drops it when it ends; it is never logged.
 */
function sealingKey(sessionPassword: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionPassword, 'gandi-panel', 'job-api-key-seal-v1', 32));
}

const aad = (jobKey: string) => `job-api-key:${jobKey}`;

export function sealJobApiKey(sessionPassword: string, jobKey: string, apiKey: string): string {
  return encryptSecret(sealingKey(sessionPassword), apiKey, aad(jobKey));
}

/** Throws `DecryptionRefusedError` (no detail) for another job's blob or another secret. */
export function unsealJobApiKey(sessionPassword: string, jobKey: string, sealed: string): string {
  return decryptSecret(sealingKey(sessionPassword), sealed, aad(jobKey));
}
