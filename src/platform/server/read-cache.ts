/**
 * Answers to reads that are the same for every caller and change rarely (indicator values per area: CBS
 * publishes once a year), remembered for a while so that a map does not cost a query per request.
 * The same rules as the remembered caller (auth/actor-cache.ts):
 *  - every state-changing API request empties the cache before its response leaves (app.ts), so an import
 *    or a catalogue change through the API is visible at the very next request;
 *  - an entry lives at most READ_CACHE_SECONDS, which bounds how long a change made elsewhere (a CLI import
 *    into the same PostgreSQL) goes unseen.
 * Never put anything here that depends on who asks.
 */
export class ReadCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; loadedAt: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => Date,
    private readonly maxEntries = 500,
  ) {}

  /** The remembered answer for `key`, or the one `load` gives (remembered unless it fails). */
  async getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
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
      return await value;
    } catch (error) {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    } finally {
      // A change committed while this load ran may not be in its answer: do not keep it.
      if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
