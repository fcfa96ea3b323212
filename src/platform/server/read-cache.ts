/**
 * Answers to reads that are the same for every caller and change rarely (indicator values per area: CBS
 * publishes once a year), remembered for a while so that a map does not cost a query per request.
 * The same rules as the remembered caller (auth/actor-cache.ts):
 *  - every change (a state-changing API request, a CLI command, a job run) empties the cache in every
 *    process on the database before its response leaves (shared-caches.ts), so an import or a catalogue
 *    change is visible at the very next request, through whichever process it goes;
 *  - while this process cannot hear the others, nothing is remembered (`setTrusted(false)`);
 *  - an entry lives at most READ_CACHE_SECONDS, the bound for a change whose notification was lost.
 * Never put anything here that depends on who asks.
 */
export class ReadCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; loadedAt: number; settled?: boolean }>();
  /** Keys whose stale answer is being served while one new load runs (getOrLoadServingStale). */
  private readonly reloading = new Set<string>();
  private generation = 0;
  private trusted = true;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => Date,
    private readonly maxEntries = 500,
  ) {}

  /** The remembered answer for `key`, or the one `load` gives (remembered unless it fails). */
  async getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0 || !this.trusted) return load();
    const now = this.clock().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.loadedAt < this.ttlMs && now >= hit.loadedAt) return hit.value as Promise<T>;
    this.entries.delete(key);
    const generation = this.generation;
    const value = load();
    // Concurrent requests for the same key share one load; a failed load is not remembered.
    this.entries.set(key, { value, loadedAt: now });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    try {
      const loaded = await value;
      const entry = this.entries.get(key);
      if (entry?.value === value) entry.settled = true;
      return loaded;
    } catch (error) {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    } finally {
      // A change committed while this load ran may not be in its answer: do not keep it.
      if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
    }
  }

  /**
   * Like getOrLoad, for answers read by many at once (the public area pages): when an entry has only grown
   * older than its time — no change emptied the cache — the old answer is given while one load of the new one
   * runs, instead of every reader waiting for it. A change still counts at the very next request (clear()
   * removes the entry), and an answer is at most one load's duration older than READ_CACHE_SECONDS.
   */
  async getOrLoadServingStale<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0 || !this.trusted) return load();
    const now = this.clock().getTime();
    const hit = this.entries.get(key);
    const expired = hit !== undefined && (now - hit.loadedAt >= this.ttlMs || now < hit.loadedAt);
    if (hit && expired && hit.settled && !this.reloading.has(key)) {
      this.reloading.add(key);
      const stale = hit.value as Promise<T>;
      const generation = this.generation;
      // The new answer replaces the old one when it is there, unless a change emptied the cache meanwhile; a
      // failed load leaves the old one, to be tried again by the next reader.
      void load()
        .then((value) => {
          if (generation === this.generation && this.entries.get(key) === hit) this.entries.set(key, { value: Promise.resolve(value), loadedAt: this.clock().getTime(), settled: true });
        })
        .catch(() => undefined)
        .finally(() => this.reloading.delete(key));
      return stale;
    }
    if (hit && expired && hit.settled) return hit.value as Promise<T>;
    return this.getOrLoad(key, load);
  }

  /** Untrusted: every read loads (changes elsewhere cannot be heard). Either way start empty. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.clear();
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.reloading.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
