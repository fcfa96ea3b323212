import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError, EXIT, type CliCommand, type CliIo, type ExitCode } from './cli-support.js';
import { auditVerifyCommand } from './commands/audit-verify.js';
import { backupCommand } from './commands/backup.js';
import { createOrganisationCommand } from './commands/create-organisation.js';
import { createUserCommand } from './commands/create-user.js';
import { disableDemoAccountsCommand } from './commands/disable-demo-accounts.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { restoreCommand } from './commands/restore.js';
import { unlinkOidcCommand } from './commands/unlink-oidc.js';

/**
 * `npm run cli -- <command> [options]`. Configuration comes from the same environment as the server
 * (DATA_DIR or DATABASE_URL). This file only dispatches and maps outcomes to exit codes; each command's
 * work is a function in commands/ that tests call directly.
 */
export const COMMANDS: readonly CliCommand[] = [
  migrateCommand,
  createOrganisationCommand,
  createUserCommand,
  disableDemoAccountsCommand,
  unlinkOidcCommand,
  auditVerifyCommand,
  backupCommand,
  restoreCommand,
  importCommand,
];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  This text; "help <command>" shows a command's options`,
    '',
    'The database is the one the server uses: DATA_DIR (PGlite, default ./data) or DATABASE_URL.',
    'Exit codes: 0 done, 1 failed, 2 bad input, 3 audit chain invalid.',
    '',
  ].join('\n');
}

function usageOf(command: CliCommand): string {
  return `Usage: npm run cli -- ${command.usage}\n\n${command.summary}.\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr(helpText());
    return EXIT.badInput;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] === undefined ? undefined : COMMANDS.find((c) => c.name === args[0]);
    if (args[0] !== undefined && !topic) {
      io.stderr(`Unknown command: ${args[0]}\n\n${helpText()}`);
      return EXIT.badInput;
    }
    io.stdout(topic ? usageOf(topic) : helpText());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command: ${name}\n\n${helpText()}`);
    return EXIT.badInput;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(usageOf(command));
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n${error.exitCode === EXIT.badInput ? `\nUsage: npm run cli -- ${command.usage}\n` : ''}`);
      return error.exitCode;
    }
    // The message, not the stack: the operator needs to know what failed, not where in the code.
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`${name} failed: ${detail}\n`);
    return EXIT.failure;
  }
}

function processIo(): CliIo {
  return {
    env: process.env,
    // `npm run cli` runs in the project folder; a relative backup path means the folder the operator typed it in.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
  };
}

/** Runs the command line of this process (its arguments, environment and standard streams) and exits. */
export async function runCliFromProcess(): Promise<never> {
  const code = await runCli(process.argv.slice(2), processIo());
  // exit() rather than waiting for the event loop: stdout and stderr are synchronous for files and
  // pipes on POSIX, and a library handle left open must not keep an operator's shell waiting.
  process.exit(code);
}

// Run as a file (`node dist/cli/main.mjs`, `tsx src/cli/main.ts`); `npm run cli` calls runCliFromProcess.
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await runCliFromProcess();
