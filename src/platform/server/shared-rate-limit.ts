import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { deriveKey } from './auth/secrets.js';
import type { Database } from './db-schema.js';

/**
 * RATE_LIMIT_PER_MINUTE counted across every server process on one PostgreSQL database, without a database
 * write per request: each process counts in memory and, once a second, adds what it counted to a shared
 * row per client and minute (`coordination.rate_limit_hits`) and reads back the total of all processes. A request is
 * judged by that total as last read plus what this process counted since.
 *
 * Accuracy: a client is refused once the processes together counted more than the limit in the current
 * minute, except for what it sent to the other processes in about the last two seconds (they add their
 * counts once a second, and this process reads the totals once a second): beyond the limit it gets at
 * most that much of its own traffic. Minutes are fixed (aligned to the clock), so, as with any fixed
 * window, a client can send up to the limit at the end of one minute and again at the start of the next.
 * While the database cannot be reached each process counts on its own: at most N times the limit.
 */

const FLUSH_MS = 1_000;
/** Clients remembered per minute; beyond it the oldest are forgotten (a flood of new addresses must not grow memory). */
const MAX_CLIENTS = 50_000;

interface Count {
  windowStart: number;
  /** Counted here and not yet added to the shared row. */
  pending: number;
  /** The shared row as last read: every process's hits, this one's included as far as they were added. */
  shared: number;
  /** The client as stored: an HMAC of the key (user id or IP address), never the key itself. */
  client: string;
}

/** One round trip: add what was counted, read the totals of the clients seen here. */
export type RateLimitExchange = (windowStart: Date, added: { client: string; hits: number }[], watched: string[]) => Promise<{ client: string; hits: number }[]>;

export interface SharedRateCounterOptions {
  windowMs: number;
  /** Keys the HMAC that names clients in the shared table. */
  secret: Buffer;
  exchange: RateLimitExchange;
  /** Deletes the rows of minutes before this one. */
  deleteBefore: (windowStart: Date) => Promise<void>;
  now: () => number;
  onError: (error: unknown) => void;
}

export class SharedRateCounter {
  private readonly counts = new Map<string, Count>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;
  private clearedBefore = 0;

  constructor(private readonly options: SharedRateCounterOptions) {}

  /** Counts a request of `key`; returns the total this minute as far as known and the ms until the minute ends. */
  hit(key: string): { current: number; ttl: number } {
    const now = this.options.now();
    const { windowMs } = this.options;
    const windowStart = now - (now % windowMs);
    let count = this.counts.get(key);
    if (!count || count.windowStart !== windowStart) {
      this.counts.delete(key);
      count = { windowStart, pending: 0, shared: 0, client: count?.client ?? this.clientOf(key) };
      this.counts.set(key, count);
      if (this.counts.size > MAX_CLIENTS) this.forgetOldest();
    }
    count.pending += 1;
    return { current: count.shared + count.pending, ttl: windowStart + windowMs - now };
  }

  private clientOf(key: string): string {
    return createHmac('sha256', this.options.secret).update(key).digest('base64url').slice(0, 32);
  }

  private forgetOldest(): void {
    for (const key of this.counts.keys()) {
      this.counts.delete(key);
      if (this.counts.size <= MAX_CLIENTS) return;
    }
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
  }

  /** Adds what was counted here to the shared rows and learns the totals. One at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.exchangeCounts().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async exchangeCounts(): Promise<void> {
    const now = this.options.now();
    const windowStart = now - (now % this.options.windowMs);
    const added: { key: string; count: Count; hits: number }[] = [];
    const watched: Count[] = [];
    for (const [key, count] of this.counts) {
      if (count.windowStart !== windowStart) this.counts.delete(key);
      else if (count.pending > 0) added.push({ key, count, hits: count.pending });
      else watched.push(count);
    }
    try {
      if (this.clearedBefore !== windowStart) {
        await this.options.deleteBefore(new Date(windowStart));
        this.clearedBefore = windowStart;
      }
      if (added.length === 0 && watched.length === 0) return;
      const totals = await this.options.exchange(
        new Date(windowStart),
        added.map(({ count, hits }) => ({ client: count.client, hits })),
        watched.map((count) => count.client),
      );
      const byClient = new Map(totals.map((row) => [row.client, row.hits]));
      for (const { count, hits } of added) {
        if (count.windowStart !== windowStart) continue;
        count.pending -= hits;
        count.shared = byClient.get(count.client) ?? count.shared + hits;
      }
      for (const count of watched) {
        const total = byClient.get(count.client);
        if (total !== undefined && count.windowStart === windowStart) count.shared = Math.max(count.shared, total);
      }
    } catch (error) {
      // What was counted stays pending and goes with the next flush; meanwhile this process judges alone.
      this.options.onError(error);
    }
  }
}

/** The SQL side: one statement adds and reads (the table is unlogged: counts of the current minute only). */
export function databaseRateLimitExchange(db: Kysely<Database>): Pick<SharedRateCounterOptions, 'exchange' | 'deleteBefore'> {
  return {
    exchange: async (windowStart, added, watched) => {
      const { rows } = await sql<{ client: string; hits: number }>`
        WITH added AS (
          INSERT INTO coordination.rate_limit_hits AS r (window_start, client, hits)
          SELECT ${windowStart}, client, hits FROM unnest(${added.map((a) => a.client)}::text[], ${added.map((a) => a.hits)}::int[]) AS t(client, hits)
          ON CONFLICT (window_start, client) DO UPDATE SET hits = r.hits + excluded.hits
          RETURNING r.client, r.hits)
        SELECT client, hits FROM added
        UNION ALL
        SELECT client, hits FROM coordination.rate_limit_hits WHERE window_start = ${windowStart} AND client = ANY(${watched}::text[])`.execute(db);
      return rows;
    },
    deleteBefore: async (windowStart) => {
      await sql`DELETE FROM coordination.rate_limit_hits WHERE window_start < ${windowStart}`.execute(db);
    },
  };
}

type StoreCallback = Parameters<FastifyRateLimitStore['incr']>[1];

/** A store for @fastify/rate-limit over a SharedRateCounter; a route with limits of its own gets a child that counts apart. */
class SharedRateLimitStore implements FastifyRateLimitStore {
  constructor(
    private readonly counter: SharedRateCounter,
    private readonly prefix: string,
  ) {}

  incr(key: string, callback: StoreCallback): void {
    callback(null, this.counter.hit(this.prefix + key));
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    // The plugin passes its merged settings with the route under `routeInfo` (its types say the route itself).
    const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? routeOptions;
    return new SharedRateLimitStore(this.counter, `${this.prefix}${String(route.method)} ${String(route.url)}|`);
  }
}

/**
 * The plugin's `store` option for a rate limit shared across processes on PostgreSQL (on PGlite, one
 * process by construction, its own in-memory store serves); the counter flushes until the app closes.
 */
export function sharedRateLimitOption(app: FastifyInstance): { store?: FastifyRateLimitStoreCtor } {
  const { database, config, clock } = app.ctx;
  if (database.kind !== 'postgres') return {};
  const counter = new SharedRateCounter({
    windowMs: 60_000,
    secret: deriveKey(config.sessionSecret, 'rate-limit-clients'),
    ...databaseRateLimitExchange(database.db),
    now: () => clock().getTime(),
    onError: throttledErrorLog(app),
  });
  counter.start();
  app.cluster.rateLimit = counter;
  app.addHook('onClose', () => counter.stop());
  return {
    store: class extends SharedRateLimitStore {
      constructor() {
        super(counter, '');
      }
    },
  };
}

/** At most one line a minute: a database that is down would otherwise log every second. */
function throttledErrorLog(app: FastifyInstance): (error: unknown) => void {
  let lastAt = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastAt < 60_000) return;
    lastAt = now;
    app.log.warn({ err: error }, 'rate limit counts not shared: each instance counts on its own until the database answers');
  };
}
