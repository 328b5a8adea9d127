import type { ChainedAuditEntry } from './chain';

/** Export columns, in order (the hashes are included so an export can be checked offline). */
const COLUMNS = [
  'seq',
  'ts',
  'memberEmail',
  'memberId',
  'ip',
  'action',
  'resource',
  'result',
  'message',
  'params',
  'operations',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof ChainedAuditEntry)[];

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditToCsv(entries: readonly ChainedAuditEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const entry of entries)
    lines.push(COLUMNS.map((column) => csvField(entry[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function auditToJson(entries: readonly ChainedAuditEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => ({
      ...entry,
      params: safeParse(entry.params),
      operations: safeParse(entry.operations),
    })),
    null,
    2,
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
