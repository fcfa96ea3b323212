import type { Actor } from './actor.js';

/**
 * Who is behind a session cookie or API token, remembered for a few seconds so that a read does not cost
 * two extra queries (session or token, then user with roles and scopes). Correctness rests on three rules:
 *  - every state-changing API request empties the cache before its response leaves, in this process and,
 *    on PostgreSQL, in every other process on the same database (shared-caches.ts, cluster-notify.ts), so
 *    a disabled user, a revoked token or a changed role counts from the very next request anywhere;
 *  - while this process cannot hear the others (its notification connection is down) it remembers
 *    nothing (`setTrusted(false)`), and starts empty when it hears them again;
 *  - entries live at most `ttlMs` (AUTH_CACHE_SECONDS): the bound for a change whose notification was lost.
 * Session timeouts are still checked on every request against the remembered deadlines.
 */

export interface CachedSession {
  idHash: string;
  csrfToken: string;
  mfaVerified: boolean;
  /** Epoch ms: the absolute end, and the last activity the database knew of when this entry was made. */
  expiresAt: number;
  lastSeenAt: number;
}

export interface CachedActor {
  /** The caller as handed to every request: built once and frozen, so no request can change it for the next. */
  actor: Readonly<Actor>;
  session?: CachedSession;
  /** Epoch ms when the API token stops working; null when it does not expire. */
  tokenExpiresAt?: number | null;
  loadedAt: number;
}

/** Enough for every user of a large municipality at once; beyond it the oldest entries go first. */
const MAX_ENTRIES = 10_000;

export class ActorCache {
  private readonly entries = new Map<string, CachedActor>();
  /** Bumped by clear(): an entry loaded before a change must not be stored after it. */
  private currentGeneration = 0;
  private trusted = true;

  constructor(private readonly ttlMs: number) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.trusted;
  }

  /** Untrusted: serve and keep nothing (changes elsewhere cannot be heard). Either way start empty. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.clear();
  }

  /** A fresh entry for this key (a hash of the cookie or token, never the secret itself), or undefined. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  get(key: string, now: number): CachedActor | undefined {
    const entry = this.entries.get(key);
    if (!entry || !this.trusted) return undefined;
    if (now - entry.loadedAt >= this.ttlMs || now < entry.loadedAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  /** Stores an entry loaded while `generation` was current; ignored when the cache was cleared since. */
  set(key: string, entry: CachedActor, generation: number = this.currentGeneration): void {
    if (!this.enabled || generation !== this.currentGeneration) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.currentGeneration += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
