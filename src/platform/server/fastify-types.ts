import type { Kysely } from 'kysely';
import type { AppConfig } from './config.js';
import type { Database } from './db-schema.js';
import type { DatabaseHandle } from './db.js';
import type { Actor } from './auth/actor.js';
import type { ApiRoute } from './auth/plugin.js';
import type { Access } from '../shared/permissions.js';
import type { ReadCache } from './read-cache.js';

/** What every route and service can reach through the Fastify instance. */
export interface AppContext {
  config: AppConfig;
  database: DatabaseHandle;
  /** The time, injectable so tests can move it (session timeouts, TOTP). */
  clock: () => Date;
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    apiRoutes: ApiRoute[];
    /** Shared answers to caller-independent reads (read-cache.ts). */
    readCache: ReadCache;
    /** From now on every request gets a 503 "shutting down" (framework-errors.ts); close() does it too. */
    startDraining(): void;
  }
  interface FastifyRequest {
    actor: Actor | null;
    db: Kysely<Database>;
  }
  interface FastifyContextConfig {
    /** Required on every /api route: deny by default (see auth/plugin.ts). */
    access?: Access;
    /** The route stays usable while the session still owes a second factor (enrolment, or entering the code). */
    allowDuringMfaEnrolment?: boolean;
  }
}
