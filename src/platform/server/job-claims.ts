import { sql, type Kysely } from 'kysely';
import type { ClusterLink } from './cluster-notify.js';
import type { Database } from './db-schema.js';

/** Why a process does not run a job now. */
export type JobSkipReason = 'ran within its interval' | 'runs in another instance' | 'cannot hear the other instances';

export interface JobTurn {
  /** Call when the run ended, however it ended. */
  done(): Promise<void>;
}

/**
 * Decides whether this process runs a job now (jobs.ts): once per interval among all the processes on the
 * database, and never two runs of one job at once.
 */
export interface JobClaims {
  claim(name: string, dueAfterSeconds: number): Promise<JobTurn | JobSkipReason>;
}

const NOTHING_TO_RELEASE: JobTurn = { done: async () => {} };

/** One process alone (unit tests; a process without a database): the last start per job, in memory. */
export function inMemoryJobClaims(now: () => number = Date.now): JobClaims {
  const lastStart = new Map<string, number>();
  return {
    claim: async (name, dueAfterSeconds) => {
      const last = lastStart.get(name);
      const at = now();
      if (last !== undefined && at - last < dueAfterSeconds * 1000) return 'ran within its interval';
      lastStart.set(name, at);
      return NOTHING_TO_RELEASE;
    },
  };
}

/**
 * The last start of each job is a row in `coordination.job_runs`, claimed by a conditional upsert, so of two processes
 * asking at the same moment one gets it. On PostgreSQL a run also holds an advisory lock on the process's
 * link connection (cluster-notify.ts), so a run that lasts longer than its interval is not joined by a
 * second; the lock ends with the connection, so a dead process holds nothing. On PGlite (one process by
 * construction) the in-process rule that a job never overlaps itself is enough.
 */
export function databaseJobClaims(db: Kysely<Database>, instanceId: string, link: ClusterLink | null): JobClaims {
  return {
    claim: async (name, dueAfterSeconds) => {
      let release: (() => Promise<void>) | null = null;
      if (link) {
        // Without the link this process could not lock, nor tell the others what the run changed: leave it to them.
        if (!link.hearing) return 'cannot hear the other instances';
        release = await link.tryJobLock(name);
        if (!release) return 'runs in another instance';
      }
      try {
        if (!(await claimJobRun(db, name, dueAfterSeconds, instanceId))) {
          await release?.();
          return 'ran within its interval';
        }
      } catch (error) {
        await release?.();
        throw error;
      }
      return { done: async () => release?.() };
    },
  };
}

/** Records this start unless the job started less than `dueAfterSeconds` ago (by the database's clock, the same for every process). */
async function claimJobRun(db: Kysely<Database>, job: string, dueAfterSeconds: number, instance: string): Promise<boolean> {
  const { rows } = await sql<{ job: string }>`
    INSERT INTO coordination.job_runs AS r (job, started_at, instance) VALUES (${job}, now(), ${instance})
    ON CONFLICT (job) DO UPDATE SET started_at = excluded.started_at, instance = excluded.instance
    WHERE r.started_at <= now() - make_interval(secs => ${dueAfterSeconds})
    RETURNING r.job`.execute(db);
  return rows.length === 1;
}
