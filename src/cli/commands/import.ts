import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_KINDS, ImportKind } from '../../modules/indicators/contract.js';
import { runImport } from '../../modules/indicators/index.js';
import { AppError, SYSTEM_ACTOR } from '../../platform/server/index.js';
import { badInput, CliError, EXIT, parseCommandArgs, resolvePath, withDatabase, type CliCommand } from '../cli-support.js';

/** `import --kind kwb-csv --year 2024 <file>`: the same all-or-nothing, idempotent import as the API. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a CBS KWB CSV, PDOK GeoJSON, area GeoJSON or values CSV (all or nothing, audited as the system)',
  usage: `import --kind <${IMPORT_KINDS.join('|')}> [--year <yyyy>] <file>`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { kind: { type: 'string' }, year: { type: 'string' } }, { min: 1, max: 1 });
    const kind = ImportKind.safeParse(values.kind);
    if (!kind.success) throw badInput(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw badInput('--year must be a year between 1990 and 2100');
    const file = resolvePath(io, positionals[0] ?? '');
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      throw badInput(`Cannot read ${file}`);
    }
    try {
      const result = await withDatabase(io, { migrate: true }, (database) =>
        runImport(database.db, SYSTEM_ACTOR, { kind: kind.data, fileName: path.basename(file), content, ...(year === undefined ? {} : { year }) }),
      );
      io.stdout(`${result.status === 'applied' ? 'Imported' : 'Already imported earlier'}: id ${result.id}, ${result.rows} rows\n`);
      if (Object.keys(result.report).length) io.stdout(`${JSON.stringify(result.report, null, 2)}\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        const lines = (error.errors ?? []).map((e) => `  ${e.path}: ${e.message}`).join('\n');
        throw new CliError(`${error.message}${lines ? `\n${lines}` : ''}`, EXIT.badInput);
      }
      throw error;
    }
  },
};
