// `npm run cli -- <command>`: builds the command line (dist/cli) when missing or older than its sources,
// then runs it in this process with plain node.
import { pathToFileURL } from 'node:url';
import { buildBundle, buildIsStale, CLI_ENTRY } from './build-server.mjs';

if (buildIsStale('cli')) {
  process.stderr.write('Building the command line (first use, or its sources changed)…\n');
  await buildBundle('cli');
}
process.setSourceMapsEnabled(true);
const { runCliFromProcess } = await import(pathToFileURL(CLI_ENTRY).href);
await runCliFromProcess();
