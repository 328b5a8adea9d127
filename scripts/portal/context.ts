import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getTeamDb } from '@/lib/team/db';
import { getTeamStore } from '@/lib/team/runtime';
import type { Workspace } from '@/lib/team/store/team-store';
import { TeamStore } from '@/lib/team/store/team-store';
import { TokenStore } from '@/lib/team/tokens/token-store';

/**
 * What every command shares: the panel's own storage and configuration (PORTAL_DATA_DIR,
 * DATABASE_URL, PORTAL_ENCRYPTION_KEY — or the key file `npm start` keeps in .data/), errors with
 * an exit code, and output as one JSON object (`--json`) or a line for people.
 */

/** Refused or failed (exit 1); usage errors are commander's (exit 2). */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export interface Cli {
  store: TeamStore;
  tokens: TokenStore;
}

/** `npm start` generates the encryption key into .data/; the command line reads the same file. */
function loadEncryptionKey(): void {
  if (process.env.PORTAL_ENCRYPTION_KEY) return;
  const file = path.resolve(process.cwd(), '.data', 'portal-encryption-key');
  if (existsSync(file)) process.env.PORTAL_ENCRYPTION_KEY = readFileSync(file, 'utf8').trim();
}

export async function openCli(): Promise<{ cli: Cli; close: () => Promise<void> }> {
  loadEncryptionKey();
  if (!process.env.PORTAL_ENCRYPTION_KEY) {
    throw new CliFailure(
      'PORTAL_ENCRYPTION_KEY is not set (and .data/portal-encryption-key does not exist).',
    );
  }
  const store = await getTeamStore();
  const opened = await getTeamDb();
  return { cli: { store, tokens: new TokenStore(store.db) }, close: () => opened.close() };
}

export function slugOf(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'workspace'
  );
}

/** WS on the command line: a workspace id, or the slug of its name when exactly one matches. */
export async function findWorkspace(cli: Cli, ws: string): Promise<Workspace> {
  const byId = await cli.store.getWorkspace(ws);
  if (byId) return byId;
  const rows = await cli.store.db.selectFrom('workspaces').select(['id', 'name']).execute();
  const matches = rows.filter((row) => slugOf(row.name) === ws);
  if (matches.length > 1) {
    throw new CliFailure(`Several workspaces are called “${ws}”: give the id instead.`);
  }
  const found = matches[0] && (await cli.store.getWorkspace(matches[0].id));
  if (!found) throw new CliFailure(`No workspace “${ws}”.`);
  return found;
}

export async function findMember(cli: Cli, workspace: Workspace, email: string) {
  const wanted = email.trim().toLowerCase();
  const member = (await cli.store.listMembers(workspace.id)).find((m) => m.email === wanted);
  if (!member) throw new CliFailure(`No member ${wanted} in ${workspace.name}.`);
  return member;
}

export function passwordFromEnv(): string {
  const password = process.env.PORTAL_PASSWORD ?? '';
  if (password.length < 12 || password.length > 200) {
    throw new CliFailure('Set PORTAL_PASSWORD to the password (12 to 200 characters).');
  }
  return password;
}

/** The first line of stdin (a secret: never an argument, where `ps` and shell history see it). */
export async function firstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Gandi API key: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return (text.split(/\r?\n/, 1)[0] ?? '').trim();
}

/** One JSON object on stdout with `--json`, else the line for people. */
export function print(json: boolean | undefined, value: object, line: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${line}\n`);
}

/** Appends the command's audit entry: the command line acts as no member, from no address. */
export function auditCli(
  cli: Cli,
  workspaceId: string,
  action: string,
  params: Record<string, unknown>,
  resource: string | null = null,
) {
  return cli.store.appendAudit(workspaceId, {
    memberId: null,
    memberEmail: null,
    ip: null,
    action: `cli.${action}`,
    resource,
    params,
    result: 'ok',
    message: 'admin command line',
  });
}
