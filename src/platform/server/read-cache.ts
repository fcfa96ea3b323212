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
  private readonly entries = new Map<string, { value: Promise<unknown>; loadedAt: number }>();
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
      return await value;
    } catch (error) {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    } finally {
      // A change committed while this load ran may not be in its answer: do not keep it.
      if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
    }
  }

  /** Untrusted: every read loads (changes elsewhere cannot be heard). Either way start empty. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.clear();
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
