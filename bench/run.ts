// `npm run bench [-- name …]`: runs the named benchmarks, or all. Figures go to stdout; they are reported in
// notes, never asserted in tests (this machine is small and noisy).
import { benchFigures } from './figures.bench.js';
import { benchStartup } from './startup.bench.js';

const BENCHMARKS: Record<string, () => Promise<void>> = {
  startup: benchStartup,
  figures: benchFigures,
  import: async () => (await import('./import.bench.js')).benchImport(),
  hotspots: async () => (await import('./hotspots.bench.js')).benchHotspots(),
  'first-visit': async () => (await import('./first-visit.bench.js')).benchFirstVisit(),
  instances: async () => (await import('./instances.bench.js')).benchInstances(),
  reports: async () => (await import('./reports.bench.js')).benchReports(),
  'public-pages': async () => (await import('./public-pages.bench.js')).benchPublicPages(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(BENCHMARKS)) {
  console.log(`\n== ${name}`);
  await BENCHMARKS[name]?.();
}
