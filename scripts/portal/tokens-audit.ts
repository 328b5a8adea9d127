import { InvalidArgumentError, Option, type Command } from 'commander';
import { auditToCsv, auditToJson } from '@/lib/team/audit/export';
import { listAudit } from '@/lib/team/store/audit-store';
import { MAX_EXPIRY_DAYS } from '@/lib/team/tokens/token-store';
import { auditCli, CliFailure, findMember, findWorkspace, print, type Cli } from './context';

type Run = (action: (cli: Cli) => Promise<void>) => Promise<void>;

function days(value: string): number {
  const n = Number(value);
  if (!/^\d{1,4}$/.test(value) || n < 1 || n > MAX_EXPIRY_DAYS) {
    throw new InvalidArgumentError(`a whole number of days from 1 to ${MAX_EXPIRY_DAYS}`);
  }
  return n;
}

export function tokenCommands(program: Command, run: Run): void {
  const token = program
    .command('token')
    .description('personal access tokens (the XML-RPC endpoint’s keys)');
  token
    .command('create')
    .description('create a token for a member; it is printed once and stored only as a hash')
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .requiredOption(
      '--member <email>',
      'whose token (it acts with their role, quotas and ownership)',
    )
    .requiredOption('--name <name>', 'a name to recognise it by (unique per member)')
    .option('--expires-days <n>', 'expire after this many days', days)
    .option('--json', 'print {"token"} as JSON')
    .action(
      (opts: {
        workspace: string;
        member: string;
        name: string;
        expiresDays?: number;
        json?: boolean;
      }) =>
        run(async (cli) => {
          const ws = await findWorkspace(cli, opts.workspace);
          const member = await findMember(cli, ws, opts.member);
          const created = await cli.tokens.create({
            workspaceId: ws.id,
            memberId: member.id,
            name: opts.name,
            expiresInDays: opts.expiresDays ?? null,
          });
          await auditCli(cli, ws.id, 'token.create', {
            member: member.email,
            name: opts.name.trim(),
            expiresAt: created.expiresAt,
          });
          print(
            opts.json,
            { token: created.token, name: opts.name.trim(), expiresAt: created.expiresAt },
            created.token,
          );
        }),
    );
  token
    .command('list')
    .description('list the workspace’s live tokens (never the tokens themselves)')
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .option('--json', 'print {"tokens": [...]} as JSON')
    .action((opts: { workspace: string; json?: boolean }) =>
      run(async (cli) => {
        const ws = await findWorkspace(cli, opts.workspace);
        const tokens = await cli.tokens.list(ws.id);
        print(
          opts.json,
          { tokens },
          tokens
            .map(
              (t) =>
                `${t.name}\t${t.memberEmail}\texpires ${t.expiresAt ?? 'never'}\tlast used ${t.lastUsedAt ?? 'never'}`,
            )
            .join('\n') || '(no tokens)',
        );
      }),
    );
  token
    .command('revoke')
    .description('revoke the tokens with this name (of one member with --member)')
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .requiredOption('--name <name>', 'the token’s name')
    .option('--member <email>', 'only this member’s token')
    .option('--json', 'print {"revoked": n} as JSON')
    .action((opts: { workspace: string; name: string; member?: string; json?: boolean }) =>
      run(async (cli) => {
        const ws = await findWorkspace(cli, opts.workspace);
        const member = opts.member ? await findMember(cli, ws, opts.member) : undefined;
        const revoked = await cli.tokens.revokeByName(ws.id, opts.name, member?.id);
        if (revoked === 0) throw new CliFailure(`No live token named “${opts.name}”.`);
        await auditCli(cli, ws.id, 'token.revoke', {
          name: opts.name,
          member: member?.email ?? null,
        });
        print(opts.json, { revoked }, `Revoked ${revoked} token${revoked === 1 ? '' : 's'}.`);
      }),
    );
}

export function auditCommands(program: Command, run: Run): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('check the audit chain of every workspace (or one); exit 1 when one is broken')
    .option('--workspace <ws>', 'only this workspace (id or slug)')
    .option('--json', 'print {"ok", "workspaces": [...]} as JSON')
    .action((opts: { workspace?: string; json?: boolean }) =>
      run(async (cli) => {
        const only = opts.workspace ? [(await findWorkspace(cli, opts.workspace)).id] : [];
        const { workspaces, findings } = await cli.store.verifyAuditStorage(only);
        const results = workspaces.map(({ id, verdict }) => ({ id, ...verdict }));
        const ok = results.every((r) => r.ok) && findings.length === 0;
        print(
          opts.json,
          { ok, workspaces: results },
          results.map((r) => `${r.ok ? 'ok     ' : 'BROKEN '} ${r.id}`).join('\n') ||
            'No workspace.',
        );
        if (!ok) throw new CliFailure('An audit chain is broken.', 1);
      }),
    );
  audit
    .command('export')
    .description('print a workspace’s audit log, oldest first, hashes included')
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .addOption(
      new Option('--format <format>', 'csv or json').choices(['csv', 'json']).makeOptionMandatory(),
    )
    .action((opts: { workspace: string; format: 'csv' | 'json' }) =>
      run(async (cli) => {
        const ws = await findWorkspace(cli, opts.workspace);
        const entries = (await listAudit(cli.store.db, ws.id, { limit: 1_000_000 })).reverse();
        process.stdout.write(
          opts.format === 'csv' ? auditToCsv(entries) : `${auditToJson(entries)}\n`,
        );
      }),
    );
}
