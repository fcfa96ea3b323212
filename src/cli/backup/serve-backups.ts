import { ControlCommandError, type ControlHandler } from '../../platform/server/control-socket.js';
import type { DatabaseHandle } from '../../platform/server/db.js';
import { CliError, EXIT } from '../cli-support.js';
import { backupAndRecord } from '../commands/backup.js';
import { OnlineBackupRequest } from './online-backup.js';

/**
 * The server's side of `cli backup` on PGlite (online-backup.ts): the same backupAndRecord as the command
 * line, on the server's own connection, one backup at a time. On PGlite that connection is the only one, so
 * requests wait while the snapshot is read (docs/operations.md says how long that takes).
 */
export function serveBackups(database: DatabaseHandle): ControlHandler {
  let running = false;
  return async (args) => {
    const request = OnlineBackupRequest.safeParse(args);
    if (!request.success) throw new ControlCommandError('The backup request needs an absolute file path.', EXIT.badInput);
    if (running) throw new ControlCommandError('A backup is being written already; try again when it is done.', EXIT.failure);
    running = true;
    try {
      return await backupAndRecord(database, request.data.file, 'running server');
    } catch (error) {
      // Bad input (a folder that does not exist) reaches the operator as it would offline.
      if (error instanceof CliError) throw new ControlCommandError(error.message, error.exitCode);
      throw error;
    } finally {
      running = false;
    }
  };
}
