// Creates a new PGlite data folder and exits. Run as a child process by db.ts: PGlite's initdb leaves about
// half a gigabyte of WebAssembly memory behind, which then stays in the server's RSS for its whole life.
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: pglite-initdb.mjs <data folder>\n');
  process.exit(2);
}
const db = await PGlite.create({ dataDir });
await db.query('SELECT 1');
await db.close();
