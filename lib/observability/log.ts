import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs (one line per event, on stdout). Secrets never reach a log line: no call
 * passes them, and the redaction below is the net for fields that could hold one.
 */
export const REDACTED_FIELDS = [
  'apiKey',
  'password',
  'token',
  'authorization',
  'cookie',
  '*.apiKey',
  '*.password',
  '*.token',
  '*.authorization',
  '*.cookie',
];

export function createLogger(destination?: pino.DestinationStream): Logger {
  return pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_FIELDS, censor: '[redacted]' },
      level: process.env.LOG_LEVEL ?? 'info',
    },
    destination,
  );
}

const holder = globalThis as typeof globalThis & { __panelLogger?: Logger };

export function log(): Logger {
  return (holder.__panelLogger ??= createLogger());
}

/** A path fit for a log line: the secret parts of invitation links are cut, no query string. */
export function loggablePath(url: string): string {
  const pathOnly = url.split('?')[0] ?? '/';
  return pathOnly.replace(/^\/invite\/[^/]+/, '/invite/[token]');
}
