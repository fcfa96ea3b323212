import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Readable } from 'node:stream';
import { ConfigError, loadConfig, type AppConfig } from '../platform/server/config.js';
import { DataDirLockedError } from '../platform/server/data-lock.js';
import { announceChangeOverPool } from '../platform/server/cluster-notify.js';
import type { DatabaseHandle } from '../platform/server/db.js';
import { openRuntime } from '../platform/server/runtime.js';

/**
 * What every CLI command shares: exit codes, the error type that carries one, argument parsing that
 * turns node's parse errors into "bad input", and opening the configured database the way the server does.
 */

export const EXIT = {
  ok: 0,
  /** Anything that is not the caller's fault: database down, disk full, a bug. */
  failure: 1,
  /** The caller asked for something invalid: unknown option, bad value, broken backup file. */
  badInput: 2,
  /** The audit chain does not verify: distinct, so a scheduled check can alert on exactly this. */
  auditInvalid: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const badInput = (message: string): CliError => new CliError(message, EXIT.badInput);

/** The outside world of a command, passed in so tests can run commands without a real terminal. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs, strict, with its TypeErrors (unknown option, missing value) reported as bad input. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, positionals: { min: number; max: number } = { min: 0, max: 0 }) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals.max > 0 });
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) throw badInput(error.message);
    throw error;
  }
  if (parsed.positionals.length < positionals.min) throw badInput('Missing argument.');
  if (parsed.positionals.length > positionals.max) throw badInput(`Unexpected argument: ${parsed.positionals[positionals.max] ?? ''}`);
  return parsed;
}

export function resolvePath(io: CliIo, file: string): string {
  return path.resolve(io.cwd, file);
}

/** The configuration from the environment, as the server reads it; a wrong value is bad input. */
export function cliConfig(io: CliIo): AppConfig {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw badInput(error.message);
    throw error;
  }
}

/**
 * Opens the database of DATA_DIR / DATABASE_URL exactly as the server does, so a command on a PGlite
 * folder the server is using fails on the folder lock instead of corrupting it.
 */
export async function withDatabase<T>(
  io: CliIo,
  options: { migrate: boolean; mustExist?: boolean },
  work: (database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const config = cliConfig(io);
  // Opening a PGlite folder creates it: a mistyped DATA_DIR would yield an empty backup or a "valid" audit.
  // (The folder layout is db.ts's: PGlite's own files live in <DATA_DIR>/pgdata.)
  if (options.mustExist && !config.databaseUrl && !existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'))) {
    throw badInput(`There is no Wijkregie database in ${config.dataDir} (DATA_DIR). Check the path.`);
  }
  let runtime;
  try {
    runtime = await openRuntime(config, { migrate: options.migrate });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new CliError(error.message, EXIT.failure);
    throw error;
  }
  try {
    return await work(runtime.database);
  } finally {
    try {
      // Servers running on the same PostgreSQL database forget what they remembered (a disabled user, old
      // figures), whether the command changed anything or not, and even when it failed halfway. On PGlite
      // no server runs beside a command (the folder lock); `backup` asks the server itself.
      if (runtime.database.kind === 'postgres') await announceChangeOverPool(runtime.database.db).catch(() => {});
    } finally {
      await runtime.close();
    }
  }
}
