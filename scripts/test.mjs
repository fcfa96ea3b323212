// `npm test`: every suite, on both databases, in a real browser. It first makes sure the machine has what
// the suites need (PostgreSQL server binaries, Debian's Chromium). As root with apt it installs what is
// missing; otherwise it stops at once and prints the command to run. It never skips a suite.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const UNIT = { name: 'unit', args: ['--project', 'unit'], env: {} };
/**
 * After the unit tests, two lanes run side by side. A browser test file keeps about half a core busy (its
 * server, Chromium and the test wait on each other), so the browser suite alone left most of this 2-core
 * machine idle; beside the database suites it fills what they leave. The browser lane's output goes to a
 * file and is printed whole when it ends, so neither lane's log is cut into the other's.
 */
const DATABASE_LANE = [
  { name: 'api on PGlite', args: ['--project', 'api'], env: { TEST_DB: 'pglite' } },
  { name: 'api on PostgreSQL', args: ['--project', 'api'], env: { TEST_DB: 'postgres' } },
  { name: 'crash (kill -9) on PGlite and PostgreSQL', args: ['--project', 'crash'], env: {} },
];
const BROWSER_LANE = [{ name: 'browser (Chromium)', args: ['--project', 'e2e'], env: {} }];

/** Runs a command to its end; stops `npm test` when it fails (nothing can be tested without it). */
function buildOrStop(what, args) {
  process.stdout.write(`\n== building ${what}\n`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${what} does not build.\n`);
    process.exit(1);
  }
}

function reportFileOf(suite) {
  return path.join(reportDir, `${suite.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
}

/** Runs one suite; its output goes to this terminal, or to `logFile` when given. */
function runSuite(suite, logFile) {
  const outputFile = reportFileOf(suite);
  const started = Date.now();
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  if (logFile) appendFileSync(logFile, `\n== ${suite.name}\n`);
  else process.stdout.write(`\n== ${suite.name}\n`);
  const child = spawn(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`],
    { stdio: ['ignore', out, out], env: { ...process.env, ...suite.env } },
  );
  return new Promise((resolve) => {
    child.on('close', (status) => {
      if (typeof out === 'number') closeSync(out);
      resolve(summarise(suite, outputFile, status, Math.round((Date.now() - started) / 1000)));
    });
  });
}

function summarise(suite, outputFile, status, seconds) {
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
  const ok = status === 0 && failed === 0 && skipped === 0 && passed > 0;
  return { name: suite.name, passed, failed, skipped, files, ok, status, seconds };
}

async function runLane(suites, logFile) {
  const results = [];
  for (const suite of suites) results.push(await runSuite(suite, logFile));
  return results;
}

ensureRequirements();
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const started = Date.now();
// Built once here: the suites in both lanes start the built server, and two lanes must not build it at once.
buildOrStop('the web app for the browser tests', ['node_modules/vite/bin/vite.js', 'build', '--config', 'src/platform/web/vite.config.ts', '--logLevel', 'warn']);
buildOrStop('the server and the command line', ['scripts/build-server.mjs']);
const unit = await runSuite(UNIT);

const browserLog = path.join(reportDir, 'browser.log');
writeFileSync(browserLog, '');
process.stdout.write(`\n== browser (Chromium) runs beside the database suites; its output follows when it ends (${path.relative(root, browserLog)})\n`);
const [databaseResults, browserResults] = await Promise.all([runLane(DATABASE_LANE), runLane(BROWSER_LANE, browserLog)]);
process.stdout.write(`\n== output of the browser lane\n${readFileSync(browserLog, 'utf8')}`);
const results = [unit, ...databaseResults, ...browserResults];

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
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.passed} passed, ${r.failed} failed in ${r.seconds} s${note}\n`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const failing = results.filter((r) => !r.ok).length;
process.stdout.write(`\n${passed} passed, ${failed} failed${failing ? `; ${failing} suite(s) not ok` : ''} in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
