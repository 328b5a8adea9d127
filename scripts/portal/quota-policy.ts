import { InvalidArgumentError, type Command } from 'commander';
import { getApprovalPolicy, setApprovalPolicy } from '@/lib/team/approvals/policy-store';
import type { QuotaKey, QuotaLimits } from '@/lib/team/quotas/quota-model';
import { QuotaStore } from '@/lib/team/quotas/quota-store';
import { auditCli, findMember, findWorkspace, print, type Cli } from './context';

type Run = (action: (cli: Cli) => Promise<void>) => Promise<void>;

/**
 * A limit: a whole number ≥ 0, or `none` to lift it. `none` stays a word here (commander turns a
 * parser's null into ''); `liftedOrLimit` reads it.
 */
function limit(value: string): number | 'none' {
  if (value === 'none') return 'none';
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('a whole number ≥ 0, or none');
  return Number(value);
}

const liftedOrLimit = (value: number | 'none'): number | null => (value === 'none' ? null : value);

function booleanWord(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError('true or false');
}

const QUOTA_FLAGS: [flag: string, key: QuotaKey, what: string][] = [
  ['--vms <n>', 'vms', 'VMs'],
  ['--cores <n>', 'cores', 'cores'],
  ['--memory-mb <n>', 'memoryMb', 'memory in MB'],
  ['--disk-mb <n>', 'diskMb', 'disk in MB'],
  ['--ipv4 <n>', 'ipv4', 'IPv4 addresses'],
  ['--credits-per-hour <n>', 'creditsPerHour', 'credits per hour'],
];

export function quotaPolicyCommands(program: Command, run: Run): void {
  const quota = program.command('quota').description('quotas');
  const set = quota
    .command('set')
    .description(
      'set limits of a member, or (without --member) of the whole workspace; others are kept',
    )
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .option('--member <email>', 'the member whose limits change');
  for (const [flag, , what] of QUOTA_FLAGS) set.option(flag, `${what} (a number, or none)`, limit);
  set
    .option('--json', 'print the limits as JSON')
    .action(
      (
        opts: { workspace: string; member?: string; json?: boolean } & Partial<
          Record<QuotaKey, number | 'none'>
        >,
      ) =>
        run(async (cli) => {
          const ws = await findWorkspace(cli, opts.workspace);
          const member = opts.member ? await findMember(cli, ws, opts.member) : null;
          const quotas = new QuotaStore(cli.store.db);
          const limits: QuotaLimits = { ...(await quotas.limits(ws.id, member?.id ?? null)) };
          for (const [, key] of QUOTA_FLAGS) {
            const given = opts[key];
            if (given !== undefined) limits[key] = liftedOrLimit(given);
          }
          await quotas.setLimits(ws.id, member?.id ?? null, limits, 'cli');
          await auditCli(cli, ws.id, 'quota.set', { member: member?.email ?? null, limits });
          print(
            opts.json,
            { member: member?.email ?? null, limits },
            `Limits of ${member?.email ?? 'the workspace'}: ${JSON.stringify(limits)}`,
          );
        }),
    );

  const policy = program.command('policy').description('approval policy');
  policy
    .command('set')
    .description('what needs an admin’s approval; options not given are kept')
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .option('--above-cores <n>', 'creations and resizes above this many cores (or none)', limit)
    .option(
      '--deletes-need-approval <bool>',
      'any delete by an operator (true or false)',
      booleanWord,
    )
    .option('--json', 'print the policy as JSON')
    .action(
      (opts: {
        workspace: string;
        aboveCores?: number | 'none';
        deletesNeedApproval?: boolean;
        json?: boolean;
      }) =>
        run(async (cli) => {
          const ws = await findWorkspace(cli, opts.workspace);
          const current = await getApprovalPolicy(ws.id);
          const next = {
            aboveCores:
              opts.aboveCores === undefined ? current.aboveCores : liftedOrLimit(opts.aboveCores),
            operatorDeletes: opts.deletesNeedApproval ?? current.operatorDeletes,
          };
          await setApprovalPolicy(ws.id, next, 'cli');
          await auditCli(cli, ws.id, 'policy.set', next);
          print(opts.json, next, `Policy: ${JSON.stringify(next)}`);
        }),
    );
}
