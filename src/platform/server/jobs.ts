import type { Kysely } from 'kysely';
import type { AppConfig } from './config.js';
import type { Database } from './db-schema.js';
import { inMemoryJobClaims, type JobClaims } from './job-claims.js';
import { recordJobRun } from './metrics.js';

/** What a scheduled job gets to work with. */
export interface JobContext {
  db: Kysely<Database>;
  config: AppConfig;
  /** The time, injectable so tests can move it. */
  now: () => Date;
}

/**
 * A job a module runs on a schedule (DESIGN.md "Jobs"). Every server process schedules it, but it runs
 * once per interval among all the processes on the database, never twice at once (job-claims.ts). It
 * must still be safe to run twice, and again after a crash halfway: the promise is "at least once per
 * interval", no more.
 */
export interface ScheduledJob {
  name: string;
  intervalSeconds: number;
  /** Also ask shortly after start, so a long interval does not postpone overdue work by that long. */
  runAtStart?: boolean;
  run(ctx: JobContext): Promise<unknown>;
}

export interface JobLogger {
  info(obj: object, message: string): void;
  debug(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

export interface JobOptions {
  startDelayMs?: number;
  /** Who runs what among the processes on the database; by default this process alone decides. */
  claims?: JobClaims;
  /** After a run: the data may have changed, so every process's caches must forget (shared-caches.ts). */
  afterRun?: () => Promise<void>;
}

export interface RunningJobs {
  /** Stops the timers and waits for runs in progress, so the database can close after. */
  stop(): Promise<void>;
}

const START_DELAY_MS = 5_000;
/** How often a process asks whether a long-interval job is due: the most a run is late when another instance stopped. */
const LONGEST_POLL_SECONDS = 60;

/** A tick a little early (timers, clocks of different machines) must not skip a whole interval. */
export function dueAfterSeconds(intervalSeconds: number): number {
  return intervalSeconds - Math.min(intervalSeconds * 0.1, 5);
}

/**
 * Starts every job on its own timer, asking at least every minute whether it is due. A run never overlaps
 * the previous run of the same job (a slow run skips a tick), and a failure is logged without its message
 * (it may echo data) and retried when next due.
 */
export function startJobs(jobs: readonly ScheduledJob[], ctx: JobContext, log: JobLogger, options: JobOptions = {}): RunningJobs {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();
  const busy = new Set<string>();
  const claims = options.claims ?? inMemoryJobClaims();
  let stopped = false;
  const attempt = async (job: ScheduledJob): Promise<void> => {
    let turn;
    try {
      turn = await claims.claim(job.name, dueAfterSeconds(job.intervalSeconds));
    } catch (error) {
      log.error({ job: job.name, err: error }, 'job not started: could not record the run');
      return;
    }
    if (typeof turn === 'string') {
      log.debug({ job: job.name, reason: turn }, 'job skipped');
      return;
    }
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    try {
      await job.run(ctx);
      const took = seconds();
      recordJobRun(job.name, took, true);
      log.info({ job: job.name, ms: Math.round(took * 1000) }, 'job done');
    } catch (error) {
      recordJobRun(job.name, seconds(), false);
      log.error({ job: job.name, err: error }, 'job failed');
    } finally {
      await turn.done().catch((error: unknown) => log.error({ job: job.name, err: error }, 'job lock not released'));
      // A run that failed halfway may have committed part of its work: forget in every process either way.
      await options.afterRun?.().catch((error: unknown) => log.error({ job: job.name, err: error }, 'caches not told about a job run'));
    }
  };
  const tick = (job: ScheduledJob): void => {
    if (stopped || busy.has(job.name)) return;
    busy.add(job.name);
    const run = attempt(job).finally(() => {
      busy.delete(job.name);
      inFlight.delete(run);
    });
    inFlight.add(run);
  };
  for (const job of jobs) {
    const pollSeconds = Math.min(job.intervalSeconds, LONGEST_POLL_SECONDS);
    timers.push(setInterval(() => tick(job), pollSeconds * 1000));
    if (job.runAtStart) timers.push(setTimeout(() => tick(job), options.startDelayMs ?? START_DELAY_MS));
  }
  for (const timer of timers) timer.unref();
  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
