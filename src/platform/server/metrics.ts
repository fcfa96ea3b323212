import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from './db.js';

/**
 * The process's Prometheus metrics (docs/operations.md, "Metrics"). One registry per process: the request
 * histogram, job runs and import durations are counted whether or not anyone scrapes them (a counter step is
 * far below a request's cost), and are served only where the configuration opens them (metrics-http.ts).
 *
 * Labels carry only what the code chose: a route's pattern, a method, a status class, a job name, an import
 * kind. Never a raw URL, an id or a query string: those could hold personal data, and every distinct label
 * value is a new series in Prometheus.
 */

export const metricsRegistry = new Registry();

// Seconds. The read path answers in milliseconds; the slow end covers uploads and imports through the API.
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const IMPORT_BUCKETS = [0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];

const requestDuration = new Histogram({
  name: 'wijkregie_http_request_duration_seconds',
  help: 'Time from receiving a request to sending its answer, per route pattern, method and status class',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: REQUEST_BUCKETS,
  registers: [metricsRegistry],
});

const jobRuns = new Counter({
  name: 'wijkregie_job_runs_total',
  help: 'Scheduled job runs that ended, successful or not, per job',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});
const jobFailures = new Counter({
  name: 'wijkregie_job_failures_total',
  help: 'Scheduled job runs that failed, per job',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});
const jobLastDuration = new Gauge({
  name: 'wijkregie_job_last_duration_seconds',
  help: 'How long the last run of each job took',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});
const jobLastSuccess = new Gauge({
  name: 'wijkregie_job_last_success_timestamp_seconds',
  help: 'When the last successful run of each job ended (Unix time); alert when it grows old',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});

const importDuration = new Histogram({
  name: 'wijkregie_import_duration_seconds',
  help: 'Duration of data imports that were applied, per kind',
  labelNames: ['kind'] as const,
  buckets: IMPORT_BUCKETS,
  registers: [metricsRegistry],
});

let poolSource: (() => PoolStats) | null = null;

function poolGauge(name: string, help: string, read: (stats: PoolStats) => number): void {
  new Gauge({
    name,
    help,
    registers: [metricsRegistry],
    collect() {
      // Read at scrape time: nothing runs between scrapes.
      if (poolSource) this.set(read(poolSource()));
    },
  });
}
poolGauge('wijkregie_db_pool_max_connections', 'Connections the database pool may open (1 on PGlite)', (s) => s.max);
poolGauge('wijkregie_db_pool_connections', 'Connections the database pool holds open, busy or idle', (s) => s.total);
poolGauge('wijkregie_db_pool_idle_connections', 'Open connections of the database pool that are idle', (s) => s.idle);
poolGauge('wijkregie_db_pool_waiting_requests', 'Queries waiting for a connection of the database pool', (s) => s.waiting);

/** The pool whose use the gauges report; the returned function stops reporting it (when its app closes). */
export function watchDatabasePool(stats: () => PoolStats): () => void {
  poolSource = stats;
  return () => {
    if (poolSource === stats) poolSource = null;
  };
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * One answered request. `route` must be a pattern the code registered (e.g. /api/v1/areas/:code) or a
 * fixed word; the caller (metrics-http.ts) never passes the requested URL.
 */
export function observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
  const statusClass = statusCode >= 100 && statusCode < 600 ? `${Math.floor(statusCode / 100)}xx` : 'other';
  requestDuration.observe({ method: KNOWN_METHODS.has(method) ? method : 'other', route, status_class: statusClass }, seconds);
}

// Job names and import kinds come from code, but a label is a series: keep them to plain short words.
const LABEL_WORD = /^[a-z0-9][a-z0-9_.-]{0,62}$/i;
const labelWord = (value: string): string => (LABEL_WORD.test(value) ? value : 'other');

/** One finished run of a scheduled job (jobs.ts). */
export function recordJobRun(job: string, seconds: number, succeeded: boolean, endedAt: Date = new Date()): void {
  const labels = { job: labelWord(job) };
  jobRuns.inc(labels);
  if (!succeeded) jobFailures.inc(labels);
  else jobLastSuccess.set(labels, endedAt.getTime() / 1000);
  jobLastDuration.set(labels, seconds);
}

/** One applied import of the given kind (e.g. kwb-csv) and how long it took, parsing and writing together. */
export function observeImport(kind: string, seconds: number): void {
  importDuration.observe({ kind: labelWord(kind) }, seconds);
}

let defaultMetricsOn = false;

/**
 * The Node process metrics (CPU, memory, event-loop delay, GC, handles), started only when metrics are
 * served: the event-loop and GC observers are the only parts that cost anything between scrapes.
 */
export function startProcessMetrics(): void {
  if (defaultMetricsOn) return;
  defaultMetricsOn = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** The text exposition format Prometheus scrapes, and its content type. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
