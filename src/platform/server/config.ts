import path from 'node:path';
import { z } from 'zod';
import { addressSearchConfig, mapTilesConfig, type MapTilesConfig } from './geo-services-config.js';

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
  // The public area pages' API (/api/v1/public, docs/publicpages.md): per IP, counted apart from the rest.
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(1200),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(100 * 1024 * 1024),
  CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(24 * 3600).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFromEnv.default(false),
  PUBLIC_URL: z.string().url().optional(),
  // Base-map tiles and address search (geo-services-config.ts); none by default (offline).
  MAP_TILE_URL: z.string().optional(),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  ADDRESS_SEARCH_URL: z.string().optional(),
  // Signals (docs/signals.md): small-number suppression in aggregate views, and the unusual-reads alert.
  SIGNALS_SUPPRESS_BELOW: z.coerce.number().int().min(1).max(100).default(5),
  SIGNALS_UNUSUAL_READS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(25),
  // Resident initiatives (docs/initiatives.md): days the contact details are kept after an initiative closed.
  INITIATIVE_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // Notifications (docs/notifications.md, "Clean-up"): days a read one is kept, and days any one (and what was told) is kept.
  NOTIFICATION_READ_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // OIDC login with the municipality's identity provider (docs/operations.md); off while OIDC_ISSUER is unset.
  OIDC_ISSUER: z.string().url('OIDC_ISSUER must be a URL such as https://login.gemeente.nl/realms/medewerkers').optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_LABEL: z
    .string()
    .trim()
    .min(1)
    .max(100, 'OIDC_LABEL must be at most 100 characters')
    .regex(/^[^\p{Cc}]*$/u, 'OIDC_LABEL must not contain control characters')
    .optional(),
  OIDC_USERNAME_CLAIM: z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'OIDC_USERNAME_CLAIM must be a claim name without spaces, such as preferred_username')
    .default('preferred_username'),
  OIDC_MFA_AMR: z
    .string()
    .regex(/^[\x21-\x7e]+([ ,]+[\x21-\x7e]+)*$/, 'OIDC_MFA_AMR must be amr values separated by commas or spaces, such as mfa,otp,hwk')
    .optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'OIDC_SCOPES must be scope names separated by single spaces')
    .refine((value) => value.split(' ').includes('openid'), 'OIDC_SCOPES must include openid')
    .default('openid profile'),
  // E-mail for notifications (docs/operations.md, "E-mail"): SMTP_URL, or SMTP_HOST with port and login; off when neither is set.
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must start with smtp:// or smtps://, such as smtp://user:pass@mail.gemeente.nl:587').optional(),
  SMTP_HOST: z.string().regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'SMTP_HOST must be a host name or IP address').optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: booleanFromEnv.optional(),
  SMTP_USER: z.string().min(1).max(500).optional(),
  SMTP_PASS: z.string().min(1).max(2000).optional(),
  SMTP_FROM: z.string().min(3).max(320).regex(/^[^\r\n]*@[^\r\n]*$/, 'SMTP_FROM must be an e-mail address, such as "Wijkregie <wijkregie@gemeente.nl>"').optional(),
  // Prometheus metrics (docs/operations.md, "Metrics"): a port of their own, /metrics behind a token, or both.
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).optional(),
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,512}$/, 'METRICS_TOKEN must be 32 to 512 printable characters without spaces (e.g. openssl rand -hex 32)')
    .optional(),
});

/** The municipality's identity provider, when OIDC login is configured. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The login button's text; null = the web app's own (translated) text. */
  label: string | null;
  usernameClaim: string;
  /** `amr` values that count as multi-factor at the identity provider; empty = none does. */
  mfaAmr: string[];
  scopes: string;
  /** `${PUBLIC_URL}/api/v1/session/oidc/callback`, registered at the identity provider. */
  redirectUri: string;
  /** Plain http to the identity provider: only for localhost outside production (development, tests). */
  allowInsecureRequests: boolean;
}

const OIDC_CALLBACK_PATH = '/api/v1/session/oidc/callback';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks the OIDC variables together; pushes every problem, returns the settings or null when OIDC is off. */
function oidcConfig(e: z.infer<typeof EnvSchema>, production: boolean, problems: string[]): OidcConfig | null {
  if (!e.OIDC_ISSUER) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_LABEL', 'OIDC_MFA_AMR'] as const).filter((name) => e[name] !== undefined);
    if (stray.length > 0) problems.push(`${stray.join(', ')} set without OIDC_ISSUER: set OIDC_ISSUER too, or remove them.`);
    return null;
  }
  const issuer = new URL(e.OIDC_ISSUER);
  const local = LOCAL_HOSTS.has(issuer.hostname);
  const insecure = issuer.protocol !== 'https:';
  if (issuer.protocol !== 'https:' && issuer.protocol !== 'http:') problems.push('OIDC_ISSUER must be an https URL.');
  else if (insecure && (production || !local)) {
    problems.push(production ? 'OIDC_ISSUER must be an https URL in production.' : 'OIDC_ISSUER must be an https URL (plain http only for localhost, outside production).');
  }
  if (issuer.search || issuer.hash) problems.push('OIDC_ISSUER must not have a query or fragment.');
  if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is missing: the client id the identity provider registered for Wijkregie.');
  if (!e.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET is missing: the client secret the identity provider issued for Wijkregie.');
  let redirectUri = '';
  if (!e.PUBLIC_URL) {
    problems.push(`PUBLIC_URL is missing: OIDC login needs it for the redirect URI (PUBLIC_URL + ${OIDC_CALLBACK_PATH}).`);
  } else {
    const publicUrl = new URL(e.PUBLIC_URL);
    if (production && publicUrl.protocol !== 'https:') problems.push('PUBLIC_URL must be an https URL in production when OIDC login is on.');
    if (publicUrl.search || publicUrl.hash) problems.push('PUBLIC_URL must not have a query or fragment.');
    redirectUri = `${publicUrl.origin}${publicUrl.pathname.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`;
  }
  return {
    // As configured: discovery requires the identity provider to state exactly this issuer.
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID ?? '',
    clientSecret: e.OIDC_CLIENT_SECRET ?? '',
    label: e.OIDC_LABEL ?? null,
    usernameClaim: e.OIDC_USERNAME_CLAIM,
    mfaAmr: e.OIDC_MFA_AMR ? [...new Set(e.OIDC_MFA_AMR.split(/[ ,]+/).filter(Boolean))] : [],
    scopes: e.OIDC_SCOPES,
    redirectUri,
    allowInsecureRequests: insecure,
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Where Prometheus may scrape; both parts off (null) unless configured. */
export interface MetricsConfig {
  /** A listener of its own for GET /metrics (null = none), on `host`. */
  port: number | null;
  host: string;
  /** Required as `Authorization: Bearer …` on both; it also opens /metrics on the main port (null = closed there). */
  token: string | null;
}

/** Checks the METRICS_* variables together; pushes every problem. */
function metricsConfig(e: z.infer<typeof EnvSchema>, problems: string[]): MetricsConfig {
  const host = e.METRICS_HOST ?? '127.0.0.1';
  if (e.METRICS_PORT === undefined) {
    if (e.METRICS_HOST !== undefined) problems.push('METRICS_HOST set without METRICS_PORT: set METRICS_PORT too, or remove it.');
  } else {
    if (e.METRICS_PORT === e.PORT) problems.push(`METRICS_PORT must differ from PORT (${e.PORT}).`);
    // Metrics hold no personal data, but route names, volumes and timings are nobody else's business.
    if (!LOOPBACK_HOSTS.has(host) && !e.METRICS_TOKEN) {
      problems.push(`METRICS_HOST ${host} is reachable from other machines: set METRICS_TOKEN too, or keep METRICS_HOST on 127.0.0.1.`);
    }
  }
  return { port: e.METRICS_PORT ?? null, host, token: e.METRICS_TOKEN ?? null };
}

/** The SMTP server notifications are mailed through; null when e-mail is off. */
export interface SmtpConfig {
  /** An smtp:// or smtps:// URL, or host, port, TLS and login. */
  transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  from: string;
}

/** Checks the SMTP variables together; pushes every problem, returns the settings or null when e-mail is off. */
function smtpConfig(e: z.infer<typeof EnvSchema>, problems: string[]): SmtpConfig | null {
  const parts = (['SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS'] as const).filter((key) => e[key] !== undefined);
  if (!e.SMTP_URL && !e.SMTP_HOST) {
    if (parts.length > 0 || e.SMTP_FROM) problems.push(`${[...parts, ...(e.SMTP_FROM ? ['SMTP_FROM'] : [])].join(', ')} set without SMTP_URL or SMTP_HOST: set one of them too, or remove them.`);
    return null;
  }
  if (e.SMTP_URL && e.SMTP_HOST) problems.push('Set SMTP_URL or SMTP_HOST, not both.');
  if (e.SMTP_URL && parts.length > 0) problems.push(`${parts.join(', ')} set with SMTP_URL: put them in the URL instead.`);
  if ((e.SMTP_USER === undefined) !== (e.SMTP_PASS === undefined)) problems.push('SMTP_USER and SMTP_PASS go together: set both, or neither.');
  if (!e.SMTP_FROM) problems.push('SMTP_FROM is missing: the sender address of notification mails, such as "Wijkregie <wijkregie@gemeente.nl>".');
  const port = e.SMTP_PORT ?? 587;
  const transport = e.SMTP_URL ?? {
    host: e.SMTP_HOST ?? '',
    port,
    secure: e.SMTP_SECURE ?? port === 465,
    ...(e.SMTP_USER && e.SMTP_PASS ? { auth: { user: e.SMTP_USER, pass: e.SMTP_PASS } } : {}),
  };
  return { transport, from: e.SMTP_FROM ?? '' };
}

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
  publicRateLimitPerMinute: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  checkpointIntervalSeconds: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Cookies get the Secure flag unless the app is only reachable on localhost. */
  secureCookies: boolean;
  publicUrl: string | undefined;
  /** Base-map tiles; null = the maps draw only the areas and ask nothing from elsewhere. */
  mapTiles: MapTilesConfig | null;
  /** Base URL of the address search (PDOK Locatieserver); null = no address search is offered. */
  addressSearchUrl: string | null;
  signalsSuppressBelow: number;
  signalsUnusualReadsPerHour: number;
  initiativeContactRetentionDays: number;
  /** Days a read notification is kept; never more than notificationRetentionDays. */
  notificationReadRetentionDays: number;
  /** Days any notification, a digest record and a told key of an item no longer on the worklist are kept. */
  notificationRetentionDays: number;
  /** OIDC login; null when OIDC_ISSUER is unset (the feature is off). */
  oidc: OidcConfig | null;
  metrics: MetricsConfig;
  /** Notification e-mail; null when no SMTP server is configured (e-mail is off). */
  smtp: SmtpConfig | null;
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
  if (e.NOTIFICATION_READ_RETENTION_DAYS > e.NOTIFICATION_RETENTION_DAYS) {
    problems.push('NOTIFICATION_READ_RETENTION_DAYS must be at most NOTIFICATION_RETENTION_DAYS: a read notification is not kept longer than an unread one.');
  }
  const oidc = oidcConfig(e, production, problems);
  const metrics = metricsConfig(e, problems);
  const mapTiles = mapTilesConfig(e.MAP_TILE_URL, e.MAP_TILE_ATTRIBUTION, production, problems);
  const addressSearchUrl = addressSearchConfig(e.ADDRESS_SEARCH_URL, production, problems);
  const smtp = smtpConfig(e, problems);
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
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    checkpointIntervalSeconds: e.CHECKPOINT_INTERVAL_SECONDS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    secureCookies: production || !localOnly,
    publicUrl: e.PUBLIC_URL,
    mapTiles,
    addressSearchUrl,
    signalsSuppressBelow: e.SIGNALS_SUPPRESS_BELOW,
    signalsUnusualReadsPerHour: e.SIGNALS_UNUSUAL_READS_PER_HOUR,
    initiativeContactRetentionDays: e.INITIATIVE_CONTACT_RETENTION_DAYS,
    notificationReadRetentionDays: e.NOTIFICATION_READ_RETENTION_DAYS,
    notificationRetentionDays: e.NOTIFICATION_RETENTION_DAYS,
    oidc,
    metrics,
    smtp,
  };
}
