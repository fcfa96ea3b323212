import path from 'node:path';
import { z } from 'zod';

/**
 * The one place where the environment is read. Every variable is documented in the README
 * ("Configuration"); keep the two in step.
 */

/** The session secret used when none is configured: fine for the demo, refused in production. */
export const DEMO_SESSION_SECRET = 'wijkregie-demo-session-secret-do-not-use-in-production';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const durationMinutes = z.coerce.number().int().positive().max(7 * 24 * 60);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DEMO_MODE: booleanFromEnv.optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: durationMinutes.default(30),
  SESSION_ABSOLUTE_MINUTES: durationMinutes.default(12 * 60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_WINDOW_MINUTES: durationMinutes.default(15),
  // How long a request may rely on the caller it looked up a moment ago (see auth/actor-cache.ts); 0 = never.
  AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  // How long caller-independent reads (indicator values) may be answered from memory (read-cache.ts); 0 = never.
  READ_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(100 * 1024 * 1024),
  CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(24 * 3600).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFromEnv.default(false),
  PUBLIC_URL: z.string().url().optional(),
  // Leaflet tile template such as https://tiles.example.org/{z}/{x}/{y}.png; none by default (offline).
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s'"]+\{z\}[^\s'"]*$/, 'MAP_TILE_URL must be an https URL template with {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
});

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoMode: boolean;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  authCacheSeconds: number;
  readCacheSeconds: number;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  checkpointIntervalSeconds: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Cookies get the Secure flag unless the app is only reachable on localhost. */
  secureCookies: boolean;
  publicUrl: string | undefined;
  mapTileUrl: string | undefined;
  mapTileAttribution: string | undefined;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demoMode = e.DEMO_MODE ?? !production;
  const problems: string[] = [];
  if (production) {
    if (demoMode) problems.push('DEMO_MODE is on: demo accounts are not allowed in production (set DEMO_MODE=false).');
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET is missing: set a random value of at least 32 characters.');
    if (e.SESSION_SECRET === DEMO_SESSION_SECRET) problems.push('SESSION_SECRET is the demo default: set your own secret.');
  }
  if (e.SESSION_ABSOLUTE_MINUTES < e.SESSION_IDLE_MINUTES) {
    problems.push('SESSION_ABSOLUTE_MINUTES must be at least SESSION_IDLE_MINUTES.');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Refusing to start:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const localOnly = ['127.0.0.1', 'localhost', '::1'].includes(e.HOST) && !e.PUBLIC_URL;
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoMode,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SESSION_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteMinutes: e.SESSION_ABSOLUTE_MINUTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    authCacheSeconds: e.AUTH_CACHE_SECONDS,
    readCacheSeconds: e.READ_CACHE_SECONDS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    checkpointIntervalSeconds: e.CHECKPOINT_INTERVAL_SECONDS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    secureCookies: production || !localOnly,
    publicUrl: e.PUBLIC_URL,
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
  };
}
