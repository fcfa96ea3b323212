import { readFileSync } from 'node:fs';
import type { AppConfig } from './config.js';
import { lockDataDir } from './data-lock.js';
import { openDatabase, type DatabaseHandle } from './db.js';
import { migrate } from './migrate.js';
import { projectPath } from './paths.js';

export const APP_VERSION: string = (
  JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }
).version;

export interface OpenedRuntime {
  database: DatabaseHandle;
  /** Closes the database (PGlite: CHECKPOINT first) and releases the data-folder lock. */
  close(): Promise<void>;
}

/**
 * Opens the configured database for the server or the CLI: PGlite in DATA_DIR under a lock file, or the
 * PostgreSQL server of DATABASE_URL. Migrations are applied unless told otherwise.
 */
export async function openRuntime(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>, options: { migrate?: boolean } = {}): Promise<OpenedRuntime> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    release();
    throw error;
  }
  try {
    if (options.migrate !== false) await migrate(database.db);
  } catch (error) {
    await database.close();
    release();
    throw error;
  }
  return {
    database,
    close: async () => {
      try {
        await database.close();
      } finally {
        release();
      }
    },
  };
}
