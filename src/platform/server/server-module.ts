import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db-schema.js';

/** What a module hands the platform: its routes, and optionally its share of the demo data. */
export interface ServerModule {
  name: string;
  routes: FastifyPluginAsync;
  /** Idempotent: safe to run at every start in demo mode. */
  seedDemo?: (db: Kysely<Database>) => Promise<void>;
}
