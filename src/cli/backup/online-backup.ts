import { z } from 'zod';
import { findRunningServer } from '../../platform/server/control-socket.js';
import { CliError, EXIT, type ExitCode } from '../cli-support.js';

/**
 * `cli backup` while the server runs on the same PGlite folder: PGlite is one process per folder, so the
 * command asks the server, over its control socket (platform/server/control-socket.ts), to write the backup
 * with the very code of the offline command (serve-backups.ts). Nothing of it goes over HTTP.
 */

export const BACKUP_COMMAND = 'backup';

/** What the command sends: the file as the operator meant it, resolved against their folder. */
export const OnlineBackupRequest = z.strictObject({ file: z.string().min(1).max(4096).startsWith('/') });

const BackupResultSchema = z.object({
  file: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ table: z.string(), rows: z.number() })),
  warnings: z.array(z.string()),
});
export type OnlineBackupResult = z.infer<typeof BackupResultSchema>;

/**
 * Asks the server running on DATA_DIR for the backup. Null when no server answers there (none runs, or a
 * killed one left its control file): then the command opens the folder itself, under its lock.
 */
export async function backupThroughRunningServer(dataDir: string, file: string): Promise<{ pid: number; result: OnlineBackupResult } | null> {
  const server = await findRunningServer(dataDir);
  if (!server) return null;
  const reply = await server.send(BACKUP_COMMAND, { file } satisfies z.infer<typeof OnlineBackupRequest>);
  if (!reply.ok) {
    const code: ExitCode = reply.exitCode === EXIT.badInput ? EXIT.badInput : EXIT.failure;
    throw new CliError(reply.message ?? 'The server could not write the backup.', code);
  }
  const result = BackupResultSchema.safeParse(reply.result);
  if (!result.success) throw new CliError('The server answered the backup request with something this command does not understand (another version?).');
  return { pid: server.pid, result: result.data };
}
