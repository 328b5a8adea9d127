import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The only reader of `process.env` in the panel. Parsed lazily on first use (not at import) so
 * that `next build` never needs runtime secrets.
 */

const ENDPOINT_IDS = ['simulator', 'ote', 'production'] as const;
export type EndpointId = (typeof ENDPOINT_IDS)[number];

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_PASSWORD: z
    .string()
    .min(32, 'SESSION_PASSWORD must be at least 32 characters')
    .optional(),
  GANDI_ENDPOINTS: z
    .string()
    .default('simulator')
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(z.array(z.enum(ENDPOINT_IDS)).min(1, 'GANDI_ENDPOINTS lists no endpoint')),
  SIMULATOR_URL: z.url().default('http://127.0.0.1:8080/xmlrpc/'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  // Team workspaces only (lib/team reads them lazily; personal mode never needs them).
  DATABASE_URL: z.string().min(1).optional(),
  PORTAL_DATA_DIR: z.string().min(1).default('.data'),
  PORTAL_ENCRYPTION_KEY: z.string().min(1).optional(),
  // Where each workspace's audit head is copied, outside the database.
  PORTAL_AUDIT_HEAD_DIR: z.string().min(1).optional(),
  // How many team workspaces one Gandi account (endpoint + handle) may have.
  PORTAL_MAX_WORKSPACES_PER_ACCOUNT: z.coerce.number().int().positive().default(3),
  // The shell warns when the credits last fewer days than this at the current burn.
  RUNWAY_WARNING_DAYS: z.coerce.number().positive().default(7),
  // Proxies in front that append to X-Forwarded-For (0: the socket address is the client's).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Bearer token of GET /metrics; unset: /metrics answers 404.
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
});

export interface ServerEnv {
  nodeEnv: 'development' | 'production' | 'test';
  sessionPassword: string;
  endpointIds: EndpointId[];
  simulatorUrl: string;
  cookieSecure: 'auto' | 'true' | 'false';
  /** PostgreSQL for the team storage when set; otherwise SQLite under `portalDataDir`. */
  databaseUrl?: string;
  portalDataDir: string;
  /** 32 bytes, base64: encrypts team workspaces' API keys at rest (checked by lib/team). */
  portalEncryptionKey?: string;
  /** Default: `<portalDataDir>/audit-heads`. */
  auditHeadDir?: string;
  /** How many team workspaces one Gandi account may have (squatting is bounded). */
  maxWorkspacesPerAccount: number;
  /** Below this many days of credits left, the shell shows a runway warning. */
  runwayWarningDays: number;
  trustProxyHops: number;
  metricsToken?: string;
}

let cached: ServerEnv | undefined;

/** Parses the environment once; throws a readable error naming the bad variable (never its value). */
export function getEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid panel environment — ${problems.join('; ')}`);
  }
  const env = parsed.data;
  let sessionPassword = env.SESSION_PASSWORD;
  if (!sessionPassword) {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'SESSION_PASSWORD is required in production (npm start creates one in .data/session-secret)',
      );
    }
    // Development only: a per-process secret; sessions simply end when the server restarts.
    sessionPassword = randomBytes(32).toString('base64url');
  }
  cached = {
    nodeEnv: env.NODE_ENV,
    sessionPassword,
    endpointIds: [...new Set(env.GANDI_ENDPOINTS)],
    simulatorUrl: env.SIMULATOR_URL,
    cookieSecure: env.COOKIE_SECURE,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    portalDataDir: env.PORTAL_DATA_DIR,
    ...(env.PORTAL_ENCRYPTION_KEY ? { portalEncryptionKey: env.PORTAL_ENCRYPTION_KEY } : {}),
    ...(env.PORTAL_AUDIT_HEAD_DIR ? { auditHeadDir: env.PORTAL_AUDIT_HEAD_DIR } : {}),
    maxWorkspacesPerAccount: env.PORTAL_MAX_WORKSPACES_PER_ACCOUNT,
    runwayWarningDays: env.RUNWAY_WARNING_DAYS,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
  };
  return cached;
}
