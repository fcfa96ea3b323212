import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readMigrations } from './migrate.js';
import { sendProblem } from './problem.js';

/**
 * Readiness (`GET /api/v1/ready`), apart from liveness (`/api/v1/health`): a load balancer or orchestrator
 * sends traffic only while this answers 200 — the database answers a query within READY_TIMEOUT_MS and every
 * migration of this build is applied — and a 503 takes the instance out without restarting it. While the
 * server shuts down it answers 503 too, so requests stop coming before the listener closes.
 */

/** Short: a probe that waits longer than the orchestrator's own timeout tells it nothing. */
export const READY_TIMEOUT_MS = 2_000;

const ReadyResponse = z.object({
  status: z.literal('ready'),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number().int(), pending: z.literal(0) }),
});

type Check = { applied: number; pending: string[] };

export interface ReadinessOptions {
  /** The migrations this build expects (file names); default: those in db/migrations. */
  migrations?: readonly string[];
  timeoutMs?: number;
}

export function registerReadiness(app: FastifyInstance, options: ReadinessOptions = {}): void {
  const expected = options.migrations ?? readMigrations().map((m) => m.name);
  const timeoutMs = options.timeoutMs ?? READY_TIMEOUT_MS;
  let stopping = false;
  app.addHook('preClose', (done) => {
    stopping = true;
    done();
  });

  // One check at a time: on PGlite queries queue on one connection, and probes arriving while the database
  // is busy must not pile up behind it. Later probes share the check in flight.
  let inFlight: Promise<Check> | null = null;
  const check = (): Promise<Check> => {
    inFlight ??= (async () => {
      const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(app.ctx.database.db);
      const applied = new Set(rows.map((row) => row.name));
      return { applied: applied.size, pending: expected.filter((name) => !applied.has(name)) };
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/ready',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['platform'],
        summary: 'Readiness: the database answers and every migration is applied (503 problem otherwise, and while shutting down)',
        response: { 200: ReadyResponse },
      },
    },
    async (request, reply) => {
      if (stopping) return sendProblem(reply, 503, 'not_ready', 'The server is shutting down');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      let outcome: Check | 'timeout' | 'failed';
      try {
        outcome = await Promise.race([check(), timeout]);
      } catch (error) {
        // The code only: a driver's message can echo connection details.
        request.log.warn({ code: (error as { code?: unknown }).code }, 'readiness: database query failed');
        outcome = 'failed';
      } finally {
        clearTimeout(timer);
      }
      if (stopping) return sendProblem(reply, 503, 'not_ready', 'The server is shutting down');
      if (outcome === 'timeout') return sendProblem(reply, 503, 'not_ready', `The database did not answer within ${timeoutMs} ms`);
      if (outcome === 'failed') return sendProblem(reply, 503, 'not_ready', 'The database cannot be reached or is not migrated');
      if (outcome.pending.length > 0) {
        return sendProblem(reply, 503, 'not_ready', `${outcome.pending.length} migration(s) not applied: ${outcome.pending.join(', ')}`);
      }
      return { status: 'ready' as const, database: app.ctx.database.kind, migrations: { applied: outcome.applied, pending: 0 as const } };
    },
  );
}
