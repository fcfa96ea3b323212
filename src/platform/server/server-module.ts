import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppConfig } from './config.js';
import type { Database } from './db-schema.js';
import type { ScheduledJob } from './jobs.js';

/** What a module hands the platform: its routes, and optionally its share of the demo data. */
export interface ServerModule {
  name: string;
  routes: FastifyPluginAsync;
  /** Idempotent: safe to run at every start in demo mode. `config` carries the secrets keyed demo data needs. */
  seedDemo?: (db: Kysely<Database>, config?: AppConfig) => Promise<void>;
  /** Work the server runs on a schedule in its own process (retention, reminders); each safe to repeat. */
  jobs?: readonly ScheduledJob[];
}
