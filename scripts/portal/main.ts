/**
 * `npm run portal -- <command>`: the team portal's admin command line (issue 14), on the panel's
 * storage and configuration. Secrets never on the command line: the Gandi key from stdin, passwords
 * from PORTAL_PASSWORD. Exit 0 on success, 1 when refused or failed (message on stderr), 2 on usage
 * errors; `--json` prints one JSON object on stdout.
 */
import { Command, CommanderError } from 'commander';
import { GandiError, userMessage } from '@/lib/gandi';
import { TokenNameTakenError } from '@/lib/team/tokens/token-store';
import { CliFailure, openCli, type Cli } from './context';
import { quotaPolicyCommands } from './quota-policy';
import { auditCommands, tokenCommands } from './tokens-audit';
import { memberCommands, workspaceCommands } from './workspace-members';

let exitCode = 0;

function describe(error: unknown): { message: string; code: 1 | 2 } {
  if (error instanceof CliFailure) return { message: error.message, code: error.exitCode };
  if (error instanceof GandiError) return { message: userMessage(error), code: 1 };
  if (error instanceof TokenNameTakenError) return { message: error.message, code: 1 };
  return { message: error instanceof Error ? error.message : String(error), code: 1 };
}

/** Opens the storage for one command, runs it, closes it; failures become exit codes. */
async function run(action: (cli: Cli) => Promise<void>): Promise<void> {
  let close: (() => Promise<void>) | undefined;
  try {
    const opened = await openCli();
    close = opened.close;
    await action(opened.cli);
  } catch (error) {
    const { message, code } = describe(error);
    process.stderr.write(`error: ${message}\n`);
    exitCode = code;
  } finally {
    await close?.().catch(() => undefined);
  }
}

const program = new Command('portal')
  .description('Administer the team portal from a shell (same storage as the panel).')
  .showHelpAfterError()
  .exitOverride();
for (const add of [
  workspaceCommands,
  memberCommands,
  quotaPolicyCommands,
  tokenCommands,
  auditCommands,
]) {
  add(program, run);
}
// Subcommands inherit neither exitOverride nor the help hint: apply them all the way down.
const everyCommand = (command: Command): Command[] => [
  command,
  ...command.commands.flatMap(everyCommand),
];
for (const command of everyCommand(program)) command.exitOverride().showHelpAfterError();

program.parseAsync(process.argv).then(
  () => process.exit(exitCode),
  (error: unknown) => {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version'].includes(error.code);
      process.exit(ok ? 0 : 2);
    }
    process.stderr.write(`error: ${describe(error).message}\n`);
    process.exit(1);
  },
);
