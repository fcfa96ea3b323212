/** A cache that remembers what the database said: emptied at every change, and off while changes cannot be heard. */
export interface ForgetfulCache {
  clear(): void;
  setTrusted(trusted: boolean): void;
}

/**
 * The in-memory caches of this process (the remembered caller, the shared reads), emptied together:
 *  - `changed()` after a change made here: empty them, and tell the other processes on the database
 *    (through the announcer, cluster-notify.ts on PostgreSQL) before the change is reported done;
 *  - `clear()` when another process announced a change;
 *  - `setTrusted(false)` while this process cannot hear the others, `setTrusted(true)` once it can again.
 * On PGlite there is one process per database by construction: no announcer, always trusted.
 */
export class SharedCaches {
  private readonly caches = new Set<ForgetfulCache>();
  private trusted = true;
  private announce: () => Promise<void> = async () => {};

  add(cache: ForgetfulCache): void {
    this.caches.add(cache);
    cache.setTrusted(this.trusted);
  }

  /** How other processes learn of a change made here; resolves once they can have heard it. */
  setAnnouncer(announce: () => Promise<void>): void {
    this.announce = announce;
  }

  /** A change was committed in this process: forget, and make sure the others forget too. */
  async changed(): Promise<void> {
    this.clear();
    await this.announce();
  }

  clear(): void {
    for (const cache of this.caches) cache.clear();
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    for (const cache of this.caches) cache.setTrusted(trusted);
  }

  get isTrusted(): boolean {
    return this.trusted;
  }
}
