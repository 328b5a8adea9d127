import { Option, type Command } from 'commander';
import { z } from 'zod';
import { accountInfo } from '@/lib/gandi';
import { configuredEndpoints, findEndpoint } from '@/lib/endpoints';
import { workspaceCapProblem } from '@/lib/team/workspace-cap';
import { hashPassword } from '@/lib/team/password';
import { INVITABLE_ROLES } from '@/lib/team/roles';
import { API_KEY_PATTERN } from '@/lib/validation/auth';
import {
  auditCli,
  CliFailure,
  findMember,
  findWorkspace,
  firstLineOfStdin,
  passwordFromEnv,
  print,
  slugOf,
  type Cli,
} from './context';

type Run = (action: (cli: Cli) => Promise<void>) => Promise<void>;

const emailSchema = z.email().max(254);

function email(value: string): string {
  const parsed = emailSchema.safeParse(value.trim().toLowerCase());
  if (!parsed.success) throw new CliFailure(`Not an email address: ${value}`, 2);
  return parsed.data;
}

type RoleOpts = {
  workspace: string;
  email: string;
  role: (typeof INVITABLE_ROLES)[number];
  json?: boolean;
};

/** `--workspace`, `--email` and `--role`: the member a command adds or changes. */
const withMemberRole = (command: Command, json: string): Command =>
  command
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .requiredOption('--email <email>', 'the member’s email')
    .addOption(roleOption())
    .option('--json', json);

const roleOption = () =>
  new Option('--role <role>', 'admin, operator or viewer')
    .choices(INVITABLE_ROLES)
    .makeOptionMandatory();

export function workspaceCommands(program: Command, run: Run): void {
  const workspace = program.command('workspace').description('team workspaces');
  workspace
    .command('create')
    .description(
      'create a workspace: the Gandi API key is read from the first line of stdin, the owner’s password from PORTAL_PASSWORD',
    )
    .requiredOption('--name <name>', 'the workspace’s name')
    .requiredOption('--owner-email <email>', 'the owner’s email (they sign in with it)')
    .option('--endpoint <id>', 'simulator, ote or production (one the panel is configured with)')
    .option('--json', 'print {"id", "slug"} as JSON')
    .action((opts: { name: string; ownerEmail: string; endpoint?: string; json?: boolean }) =>
      run(async (cli) => {
        const name = opts.name.trim();
        if (!name || name.length > 80) throw new CliFailure('A name has 1 to 80 characters.', 2);
        const ownerEmail = email(opts.ownerEmail);
        const password = passwordFromEnv();
        const endpoint = findEndpoint(opts.endpoint ?? configuredEndpoints()[0]?.id ?? '');
        if (!endpoint) throw new CliFailure(`The endpoint “${opts.endpoint}” is not configured.`);
        const apiKey = await firstLineOfStdin();
        if (!API_KEY_PATTERN.test(apiKey)) {
          throw new CliFailure(
            'The first line of stdin must be a Gandi API key (24 lowercase letters and digits).',
          );
        }
        const slug = slugOf(name);
        const names = await cli.store.db.selectFrom('workspaces').select('name').execute();
        if (names.some((row) => slugOf(row.name) === slug)) {
          throw new CliFailure(`A workspace called “${slug}” already exists.`);
        }
        const account = await accountInfo({ endpoint: endpoint.url, apiKey, timeoutMs: 15_000 });
        // The panel's cap on workspaces per Gandi account holds here too.
        const capped = await workspaceCapProblem(cli.store, endpoint.id, account.handle);
        if (capped) throw new CliFailure(capped);
        const { workspace: created, owner } = await cli.store.createWorkspace({
          name,
          endpointId: endpoint.id,
          handle: account.handle,
          apiKey,
          ownerEmail,
          ownerPasswordHash: await hashPassword(password),
        });
        await auditCli(cli, created.id, 'workspace.create', {
          name,
          email: owner.email,
          endpoint: endpoint.id,
        });
        print(opts.json, { id: created.id, slug }, `Created ${name} (${created.id}, ${slug}).`);
      }),
    );
}

export function memberCommands(program: Command, run: Run): void {
  const member = program.command('member').description('members of a workspace');
  withMemberRole(
    member.command('add').description('add a member; their password is read from PORTAL_PASSWORD'),
    'print the member as JSON',
  ).action((opts: RoleOpts) =>
    run(async (cli) => {
      const ws = await findWorkspace(cli, opts.workspace);
      const address = email(opts.email);
      const password = passwordFromEnv();
      const existing = (await cli.store.listMembers(ws.id)).find((m) => m.email === address);
      if (existing) throw new CliFailure(`${address} is already a member (use member role).`);
      // An invitation used at once: the one path that creates members.
      const { token } = await cli.store.createInvite({
        workspaceId: ws.id,
        email: address,
        role: opts.role,
        createdBy: ws.owner_member_id,
      });
      const added = await cli.store.acceptInvite(token, await hashPassword(password));
      if (!added) throw new CliFailure('The member could not be added.');
      await auditCli(cli, ws.id, 'member.add', { email: address, role: opts.role });
      print(
        opts.json,
        { id: added.id, email: added.email, role: added.role },
        `Added ${added.email} as ${added.role}.`,
      );
    }),
  );
  withMemberRole(
    member
      .command('role')
      .description('change a member’s role (applies at once, to their sessions and tokens)'),
    'print the result as JSON',
  ).action((opts: RoleOpts) =>
    run(async (cli) => {
      const ws = await findWorkspace(cli, opts.workspace);
      const target = await findMember(cli, ws, opts.email);
      if (!(await cli.store.setRole(ws.id, target.id, opts.role))) {
        throw new CliFailure('The owner’s role cannot change.');
      }
      await auditCli(cli, ws.id, 'member.role', { email: target.email, role: opts.role });
      print(
        opts.json,
        { email: target.email, role: opts.role },
        `${target.email} is now ${opts.role}.`,
      );
    }),
  );
  member
    .command('remove')
    .description('remove a member: their sessions and tokens stop working at once')
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .requiredOption('--email <email>', 'the member’s email')
    .option('--json', 'print the result as JSON')
    .action((opts: { workspace: string; email: string; json?: boolean }) =>
      run(async (cli) => {
        const ws = await findWorkspace(cli, opts.workspace);
        const target = await findMember(cli, ws, opts.email);
        if (!(await cli.store.removeMember(ws.id, target.id))) {
          throw new CliFailure('The owner cannot be removed.');
        }
        await auditCli(cli, ws.id, 'member.remove', { email: target.email });
        print(opts.json, { removed: target.email }, `Removed ${target.email}.`);
      }),
    );
  member
    .command('list')
    .description('list the members')
    .requiredOption('--workspace <ws>', 'workspace id or slug')
    .option('--json', 'print {"members": [...]} as JSON')
    .action((opts: { workspace: string; json?: boolean }) =>
      run(async (cli) => {
        const ws = await findWorkspace(cli, opts.workspace);
        const members = (await cli.store.listMembers(ws.id)).map((m) => ({
          id: m.id,
          email: m.email,
          role: m.role,
          createdAt: m.created_at,
        }));
        print(
          opts.json,
          { members },
          members.map((m) => `${m.role.padEnd(8)} ${m.email}`).join('\n') || '(no members)',
        );
      }),
    );
}
