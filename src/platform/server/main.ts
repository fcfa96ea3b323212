import { sql } from 'kysely';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type AppConfig } from './config.js';
import { DataDirLockedError } from './data-lock.js';
import { SERVER_MODULES } from './modules.js';
import { APP_VERSION, openRuntime, type OpenedRuntime } from './runtime.js';
import { HOUSEKEEPING_JOBS } from './housekeeping-jobs.js';
import { databaseJobClaims } from './job-claims.js';
import { startJobs } from './jobs.js';
import { startOperations } from './operations.js';
import { serveBackups } from '../../cli/backup/serve-backups.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`\nWijkregie cannot start.\n${message}\n\n`);
  process.exit(1);
}

async function refuseDemoAccountsInProduction(runtime: OpenedRuntime, config: AppConfig): Promise<void> {
  if (!config.production) return;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE is_demo AND disabled_at IS NULL`.execute(runtime.database.db);
  const n = rows[0]?.n ?? 0;
  if (n > 0) {
    await runtime.close();
    fail(`This database holds ${n} active demo account(s) (password "demo"). Production refuses to run with them: disable or remove them first (npm run cli -- disable-demo-accounts).`);
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const started = Date.now();
  // A stop asked for while the server is still starting (migrations, demo data) is kept and carried out as
  // soon as it can shut down properly: Node's default would kill it without the checkpoint and unlocking.
  let requestedStop: string | null = null;
  let shutdown: ((signal: string) => Promise<void>) | null = null;
  const onSignal = (signal: string) => {
    if (shutdown) void shutdown(signal);
    else requestedStop ??= signal;
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  let runtime: OpenedRuntime;
  try {
    runtime = await openRuntime(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
  await refuseDemoAccountsInProduction(runtime, config);
  // How long each module's demo data took, logged once the logger exists: the first start's main cost.
  const seedMs: Record<string, number> = {};
  if (config.demoMode) {
    for (const module of SERVER_MODULES) {
      if (!module.seedDemo) continue;
      const began = performance.now();
      await module.seedDemo(runtime.database.db, config);
      seedMs[module.name] = Math.round(performance.now() - began);
    }
  }
  const { database } = runtime;
  const app = await buildApp({ config, database, clock: () => new Date(), version: APP_VERSION });
  // Metrics listener (METRICS_PORT) and, on PGlite, the control socket `cli backup` uses while this runs;
  // up before the line below announces the server, which is what operators and tests wait for.
  const operations = await startOperations(config, database, app.log, { backup: serveBackups(database) });

  const timers: NodeJS.Timeout[] = [];
  if (database.kind === 'pglite') {
    // PGlite does not checkpoint on its own schedule the way a server does; keep its WAL short.
    timers.push(setInterval(() => void database.checkpoint().catch((error: unknown) => app.log.error({ err: error }, 'checkpoint failed')), config.checkpointIntervalSeconds * 1000));
  }

  // Of several processes on one database, one runs each job per interval (job-claims.ts); what it changed
  // is forgotten by every process's caches.
  const jobs = startJobs(
    [...HOUSEKEEPING_JOBS, ...SERVER_MODULES.flatMap((module) => module.jobs ?? [])],
    { db: database.db, config, now: () => new Date() },
    app.log,
    { claims: databaseJobClaims(database.db, app.cluster.instanceId, app.cluster.link), afterRun: () => app.cluster.caches.changed() },
  );

  let stopping = false;
  shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    const deadline = setTimeout(() => {
      process.stderr.write('Shutdown took longer than 10 s; exiting.\n');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    for (const timer of timers) clearInterval(timer);
    // close() ends only the keep-alive connections idle at that moment; a connection whose request was
    // in flight would otherwise stay open after its answer and hold the shutdown up.
    const reaper = setInterval(() => app.server.closeIdleConnections(), 100);
    reaper.unref();
    try {
      app.startDraining();
      await app.close();
      await jobs.stop();
      await operations.stop();
      await runtime.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  if (requestedStop) {
    await shutdown(requestedStop);
    return;
  }

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL server';
  app.log.info({ port, database: database.kind, demoMode: config.demoMode, startupMs: Date.now() - started, ...(config.demoMode ? { seedMs } : {}) }, 'listening');
  process.stdout.write(`Wijkregie ${APP_VERSION} runs on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (${where}${config.demoMode ? ', demo mode: log in as beheerder / demo' : ''})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Wijkregie failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
