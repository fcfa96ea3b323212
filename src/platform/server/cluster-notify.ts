import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './db-schema.js';

/**
 * How the server processes on one PostgreSQL database tell each other that data changed, so each empties
 * its caches (shared-caches.ts): every process keeps one connection of its own, outside the pool, that
 * LISTENs on a channel; a change is announced with NOTIFY on it, and every other process answers on the
 * same channel once it has emptied its caches. The announcing process waits for those answers (as many
 * as there are other links on the database, at most ACK_TIMEOUT_MS): PostgreSQL delivers a notification
 * to each listener's connection on its own time, and a client that saw the change done may ask another
 * process next. The same connection holds the job locks (job-claims.ts): a session-level advisory lock
 * ends with its connection, so a process that dies or loses the database gives its jobs up at once.
 *
 * Payloads: `change <instance> <n>` (n: this instance's count of announcements), `ack <instance> <n>` (an
 * answer to that one), `change cli` (from a command-line process, which waits for no answer). An instance
 * id has no spaces (host:pid:random).
 *
 * While the connection is down the process cannot hear the others, so it must not trust what it
 * remembers: `onHearing(false)` at once, and `onHearing(true)` only after LISTEN is in place again (the
 * caches then start empty, so changes made while deaf count too). It reconnects with backoff.
 */

export const CHANGES_CHANNEL = 'wijkregie_changes';
/** The application_name of every link, by which a process counts the others that should answer. */
export const LINK_APPLICATION_NAME = 'wijkregie-link';

/** Advisory locks of jobs live in their own class (the first key), apart from the migrations' lock. */
const JOB_LOCK_CLASS = 'wijkregie.job';

const HEARTBEAT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 5_000;
/** How long an announcement waits for the other processes' answers: a process that is slower is not waited for. */
const ACK_TIMEOUT_MS = 2_000;
const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 10_000;

export interface LinkLogger {
  info(obj: object, message: string): void;
  warn(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

export interface ClusterLinkOptions {
  /** A new connection to the database, not from the pool, named `applicationName`. */
  openClient: (applicationName: string) => pg.Client;
  /** Sent as the payload, so a process can tell its own announcements from the others'. */
  instanceId: string;
  /** Another process changed data. */
  onChange: () => void;
  /** false as soon as the connection is lost; true once it listens again. */
  onHearing: (hearing: boolean) => void;
  /** Announces over the pool while the link is down: the others may still hear it. */
  fallbackNotify: (payload: string) => Promise<void>;
  log: LinkLogger;
}

export interface ClusterLink {
  /**
   * Tells every process on the database that data changed. Resolves when every other process has answered
   * that it forgot (or after ACK_TIMEOUT_MS, or a failure, which are logged: the change is committed either
   * way, and the caches' time limits still bound it). Announcements asked for while one is on its way
   * share the next one.
   */
  announce(): Promise<void>;
  /** A session-level advisory lock for a job on the link's connection; null when another process holds it or the link is down. */
  tryJobLock(job: string): Promise<(() => Promise<void>) | null>;
  readonly hearing: boolean;
  close(): Promise<void>;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Connects (waiting for the first attempt only) and keeps the link up until close(). */
export async function startClusterLink(options: ClusterLinkOptions): Promise<ClusterLink> {
  const link = new PostgresClusterLink(options);
  await link.connectOnce();
  return link;
}

class PostgresClusterLink implements ClusterLink {
  private client: pg.Client | null = null;
  /** Statements on the link take turns: pg does not want a second query while one runs. */
  private queue: Promise<unknown> = Promise.resolve();
  private listening = false;
  private closed = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** The announcement waiting to be sent; callers that arrive before it goes share it. */
  private pending: Promise<void> | null = null;
  private sending: Promise<void> = Promise.resolve();
  private announced = 0;
  /** Announcements of this process still waiting for answers, by number. */
  private readonly unanswered = new Map<number, { peers: number | null; answers: number; settle: () => void }>();

  constructor(private readonly options: ClusterLinkOptions) {}

  get hearing(): boolean {
    return this.listening;
  }

  async connectOnce(): Promise<void> {
    if (this.closed) return;
    const client = this.options.openClient(LINK_APPLICATION_NAME);
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) this.heard(client, message.payload ?? '');
    });
    this.client = client;
    try {
      await withTimeout(client.connect(), STATEMENT_TIMEOUT_MS, 'connecting');
      await this.run(client, `LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client || this.closed) return;
    this.listening = true;
    this.retryMs = FIRST_RETRY_MS;
    this.options.onHearing(true);
    this.options.log.info({}, 'listening for changes by other instances');
    this.heartbeat = setInterval(() => {
      // A connection can die without a word (a dropped network path): ask something now and then.
      this.run(client, 'SELECT 1').catch((error: unknown) => this.lost(client, error));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The connection failed or ended: stop trusting, drop it, try again later. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    clearInterval(this.heartbeat);
    const wasListening = this.listening;
    this.listening = false;
    this.queue = Promise.resolve();
    client.removeAllListeners('notification');
    // Answers can no longer arrive on this connection.
    for (const waiting of this.unanswered.values()) waiting.settle();
    // Ends the socket even when a statement hangs on it; errors after this are of no interest.
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (this.closed) return;
    this.options.onHearing(false);
    if (wasListening) this.options.log.warn({ err: error ?? undefined }, 'lost the connection that hears other instances: caches off until it is back');
    const delay = this.retryMs * (0.75 + Math.random() / 2);
    this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
    this.retryTimer = setTimeout(() => void this.connectOnce(), delay);
    this.retryTimer.unref();
  }

  private heard(client: pg.Client, payload: string): void {
    const [kind, origin, number] = payload.split(' ');
    if (kind === 'change' && origin !== this.options.instanceId) {
      this.options.onChange();
      // Forgotten: say so, so the process that made the change can report it done.
      if (number !== undefined) this.run(client, 'SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `ack ${origin} ${number}`]).catch((error: unknown) => this.lost(client, error));
    } else if (kind === 'ack' && origin === this.options.instanceId) {
      const waiting = this.unanswered.get(Number(number));
      if (waiting) {
        waiting.answers += 1;
        if (waiting.peers !== null && waiting.answers >= waiting.peers) waiting.settle();
      }
    }
  }

  private run<T extends pg.QueryResultRow>(client: pg.Client, text: string, values?: unknown[]): Promise<pg.QueryResult<T>> {
    const turn = this.queue.then(() => withTimeout(client.query<T>(text, values), STATEMENT_TIMEOUT_MS, 'a statement on the link'));
    this.queue = turn.catch(() => {});
    return turn;
  }

  announce(): Promise<void> {
    if (this.pending) return this.pending;
    const next = this.sending.then(async () => {
      // From here on, a new caller's change may be later than this notification: it gets the next one.
      if (this.pending === next) this.pending = null;
      await this.send();
    });
    this.pending = next;
    this.sending = next;
    return next;
  }

  private async send(): Promise<void> {
    const client = this.client;
    if (client && this.listening) {
      const number = ++this.announced;
      let settle = (): void => {};
      const answered = new Promise<void>((resolve) => (settle = resolve));
      const waiting = { peers: null as number | null, answers: 0, settle };
      this.unanswered.set(number, waiting);
      try {
        // The links connected now are the processes that must answer (a link still connecting starts empty anyway).
        const { rows } = await this.run<{ peers: number }>(
          client,
          `SELECT pg_notify($1, $2), (SELECT count(*)::int FROM pg_stat_activity
             WHERE application_name = $3 AND datname = current_database() AND pid <> pg_backend_pid()) AS peers`,
          [CHANGES_CHANNEL, `change ${this.options.instanceId} ${number}`, LINK_APPLICATION_NAME],
        );
        waiting.peers = rows[0]?.peers ?? 0;
        if (waiting.answers >= waiting.peers) settle();
        await withTimeout(answered, ACK_TIMEOUT_MS, 'waiting for the other instances').catch(() =>
          this.options.log.warn({ instances: waiting.peers, answered: waiting.answers }, 'not every instance confirmed a change in time; it may answer from its caches a moment longer'),
        );
        return;
      } catch (error) {
        this.lost(client, error);
      } finally {
        this.unanswered.delete(number);
      }
    }
    try {
      await withTimeout(this.options.fallbackNotify(`change ${this.options.instanceId}`), STATEMENT_TIMEOUT_MS, 'notifying over the pool');
    } catch (error) {
      this.options.log.error({ err: error }, 'could not tell other instances about a change; their caches catch up within their time limits');
    }
  }

  async tryJobLock(job: string): Promise<(() => Promise<void>) | null> {
    const client = this.client;
    if (!client || !this.listening) return null;
    const { rows } = await this.run<{ locked: boolean }>(client, 'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [JOB_LOCK_CLASS, job]);
    if (rows[0]?.locked !== true) return null;
    return async () => {
      // On a new connection the lock is gone already: it ended with the old one.
      if (this.client !== client) return;
      await this.run(client, 'SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [JOB_LOCK_CLASS, job]).catch((error: unknown) => this.lost(client, error));
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    this.listening = false;
    if (client) {
      client.on('error', () => {});
      await this.queue;
      await client.end().catch(() => {});
    }
  }
}

/** For a process without a link (the CLI), or one whose link is down: tells the running servers that data changed. */
export async function announceChangeOverPool(db: Kysely<Database>, payload = 'change cli'): Promise<void> {
  await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})`.execute(db);
}
