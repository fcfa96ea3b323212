import type { Kysely } from 'kysely';
import type { AppConfig } from './config.js';
import type { Database } from './db-schema.js';
import { recordJobRun } from './metrics.js';

/** What a scheduled job gets to work with. */
export interface JobContext {
  db: Kysely<Database>;
  config: AppConfig;
  /** The time, injectable so tests can move it. */
  now: () => Date;
}

/**
 * A job a module runs in the server process on a schedule (DESIGN.md "Jobs"). It must be safe to run
 * twice, and again after a crash halfway: the scheduler promises "at least once per interval", no more.
 */
export interface ScheduledJob {
  name: string;
  intervalSeconds: number;
  /** Also run once shortly after start, so a long interval does not postpone overdue work by that long. */
  runAtStart?: boolean;
  run(ctx: JobContext): Promise<unknown>;
}

export interface JobLogger {
  info(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

export interface RunningJobs {
  /** Stops the timers and waits for runs in progress, so the database can close after. */
  stop(): Promise<void>;
}

const START_DELAY_MS = 5_000;

/**
 * Starts every job on its own timer. A run never overlaps the previous run of the same job (a slow run
 * skips a tick), and a failure is logged without its message (it may echo data) and retried next tick.
 */
export function startJobs(jobs: readonly ScheduledJob[], ctx: JobContext, log: JobLogger, options: { startDelayMs?: number } = {}): RunningJobs {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();
  const busy = new Set<string>();
  let stopped = false;
  const tick = (job: ScheduledJob): void => {
    if (stopped || busy.has(job.name)) return;
    busy.add(job.name);
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    const run = job
      .run(ctx)
      .then(
        () => {
          const took = seconds();
          recordJobRun(job.name, took, true);
          log.info({ job: job.name, ms: Math.round(took * 1000) }, 'job done');
        },
        (error: unknown) => {
          recordJobRun(job.name, seconds(), false);
          log.error({ job: job.name, err: error }, 'job failed');
        },
      )
      .finally(() => {
        busy.delete(job.name);
        inFlight.delete(run);
      });
    inFlight.add(run);
  };
  for (const job of jobs) {
    timers.push(setInterval(() => tick(job), job.intervalSeconds * 1000));
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
