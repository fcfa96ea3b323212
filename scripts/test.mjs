// `npm test`: every suite, on both databases, in a real browser. It first makes sure the machine has what
// the suites need (PostgreSQL server binaries, Debian's Chromium). As root with apt it installs what is
// missing; otherwise it stops at once and prints the command to run. It never skips a suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** What the suites need from the machine, and the Debian package that provides it. */
const REQUIREMENTS = [
  {
    what: 'PostgreSQL 15+ server binaries (initdb, pg_ctl)',
    package: 'postgresql',
    present: () => {
      const base = '/usr/lib/postgresql';
      if (!existsSync(base)) return false;
      return readdirSync(base).some((v) => Number(v) >= 15 && existsSync(path.join(base, v, 'bin/initdb')));
    },
  },
  { what: 'Chromium (/usr/bin/chromium)', package: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  // The hot-spot statistics are checked against R's spdep, the reference implementation.
  { what: 'R with spdep (Rscript, spdep)', package: 'r-cran-spdep', present: () => existsSync('/usr/bin/Rscript') && existsSync('/usr/lib/R/site-library/spdep/DESCRIPTION') },
  // The report tests read the PDFs back (pdfinfo, pdftotext) and the browser test renders pages (pdftoppm).
  { what: 'poppler-utils (pdfinfo, pdftotext, pdftoppm)', package: 'poppler-utils', present: () => existsSync('/usr/bin/pdfinfo') && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm') },
];

function ensureRequirements() {
  const missing = REQUIREMENTS.filter((r) => !r.present());
  if (missing.length === 0) return;
  const packages = missing.map((r) => r.package);
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    process.stderr.write(`\nnpm test needs: ${missing.map((r) => r.what).join('; ')}.\nInstall with:\n\n  sudo ${command}\n\n`);
    process.exit(1);
  }
  process.stdout.write(`Installing ${packages.join(', ')} (missing: ${missing.map((r) => r.what).join('; ')})…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      process.stderr.write(`\nCould not install ${packages.join(' ')}. Run:\n\n  ${command}\n\n`);
      process.exit(1);
    }
  }
  const still = missing.filter((r) => !r.present());
  if (still.length) {
    process.stderr.write(`\nStill missing after install: ${still.map((r) => r.what).join('; ')}\n`);
    process.exit(1);
  }
}

const reportDir = path.join(root, 'test-results', 'reports');

/** The suites, in order: fast ones first so a broken build fails early. */
const SUITES = [
  { name: 'unit', args: ['--project', 'unit'], env: {} },
  { name: 'api on PGlite', args: ['--project', 'api'], env: { TEST_DB: 'pglite' } },
  { name: 'api on PostgreSQL', args: ['--project', 'api'], env: { TEST_DB: 'postgres' } },
  { name: 'crash (kill -9) on PGlite and PostgreSQL', args: ['--project', 'crash'], env: {} },
  { name: 'browser (Chromium)', args: ['--project', 'e2e'], env: {} },
];

function buildWeb() {
  process.stdout.write('\n== building the web app for the browser tests\n');
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'src/platform/web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('The web app does not build.\n');
    process.exit(1);
  }
}

function runSuite(suite, index) {
  const outputFile = path.join(reportDir, `${index}-${suite.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  process.stdout.write(`\n== ${suite.name}\n`);
  const result = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`],
    { stdio: 'inherit', env: { ...process.env, ...suite.env } },
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let files = 0;
  if (existsSync(outputFile)) {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed = report.numPassedTests ?? 0;
    // Failed tests, plus files that failed without a failed test (one that did not load, a hook that threw).
    // numFailedTestSuites would count every describe block around a failed test as well.
    const fileResults = report.testResults ?? [];
    const brokenFiles = fileResults.filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'));
    failed = (report.numFailedTests ?? 0) + brokenFiles.length;
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    files = fileResults.length;
  }
  const ok = result.status === 0 && failed === 0 && skipped === 0 && passed > 0;
  return { name: suite.name, passed, failed, skipped, files, ok, status: result.status };
}

ensureRequirements();
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
buildWeb();
const results = SUITES.map(runSuite);

process.stdout.write('\n== summary\n');
for (const r of results) {
  // Why a suite failed when no test did: the summary says so rather than counting a failure that was none.
  const note = r.skipped
    ? ` — ${r.skipped} skipped: a suite must not skip`
    : r.passed === 0
      ? ' — ran no test'
      : !r.ok && r.failed === 0
        ? ` — the test runner exited with status ${r.status}`
        : '';
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.passed} passed, ${r.failed} failed${note}\n`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const failing = results.filter((r) => !r.ok).length;
process.stdout.write(`\n${passed} passed, ${failed} failed${failing ? `; ${failing} suite(s) not ok` : ''}\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
