import type { DatabaseHandle } from '../../platform/server/db.js';
import { migrate, readMigrations, type Migration } from '../../platform/server/migrate.js';
import { EXIT, parseCommandArgs, withDatabase, type CliCommand } from '../cli-support.js';

export interface MigrateResult {
  applied: string[];
  total: number;
}

export async function runMigrations(database: DatabaseHandle, migrations: Migration[] = readMigrations()): Promise<MigrateResult> {
  const applied = await migrate(database.db, migrations);
  return { applied, total: migrations.length };
}

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply the database migrations that are not applied yet',
  usage: 'migrate',
  async run(args, io) {
    parseCommandArgs(args, {});
    // The runtime must not migrate on open: this command reports what it applies.
    const result = await withDatabase(io, { migrate: false }, (database) => runMigrations(database));
    if (result.applied.length === 0) {
      io.stdout(`Nothing to apply: all ${result.total} migrations are applied.\n`);
    } else {
      io.stdout(`Applied ${result.applied.length} of ${result.total} migrations:\n${result.applied.map((name) => `  ${name}\n`).join('')}`);
    }
    return EXIT.ok;
  },
};
