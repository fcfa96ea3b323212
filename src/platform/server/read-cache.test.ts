import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

function clockAt(start: number) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('ReadCache', () => {
  it('loads once within its time, then again', async () => {
    const { clock, advance } = clockAt(0);
    const cache = new ReadCache(30_000, clock);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('k', load)).toBe(1);
    advance(29_999);
    expect(await cache.getOrLoad('k', load)).toBe(1);
    advance(1);
    expect(await cache.getOrLoad('k', load)).toBe(2);
  });

  it('shares one load between concurrent readers of a key', async () => {
    const cache = new ReadCache(30_000, clockAt(0).clock);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'v';
    };
    expect(await Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)])).toEqual(['v', 'v']);
    expect(loads).toBe(1);
  });

  it('forgets a failed load', async () => {
    const cache = new ReadCache(30_000, clockAt(0).clock);
    await expect(cache.getOrLoad('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.getOrLoad('k', async () => 'ok')).toBe('ok');
  });

  it('does not keep an answer whose load overlapped a clear()', async () => {
    const cache = new ReadCache(30_000, clockAt(0).clock);
    let release: (v: string) => void = () => undefined;
    const pending = cache.getOrLoad('k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    release('old');
    expect(await pending).toBe('old');
    expect(await cache.getOrLoad('k', async () => 'new')).toBe('new');
  });

  it('serving stale: past its time, gives the old answer while one new load runs, then the new one', async () => {
    const { clock, advance } = clockAt(0);
    const cache = new ReadCache(30_000, clock);
    let loads = 0;
    let release: () => void = () => undefined;
    const load = async () => {
      loads += 1;
      if (loads > 1) await new Promise<void>((resolve) => (release = resolve));
      return `v${loads}`;
    };
    expect(await cache.getOrLoadServingStale('k', load)).toBe('v1');
    advance(30_000);
    // Three readers while the reload runs: all get the old answer at once, and only one load started.
    expect(await Promise.all([1, 2, 3].map(() => cache.getOrLoadServingStale('k', load)))).toEqual(['v1', 'v1', 'v1']);
    expect(loads).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.getOrLoadServingStale('k', load)).toBe('v2');
    expect(loads).toBe(2);
  });

  it('serving stale: after a change (clear) no old answer is given, and a reload that overlapped it is dropped', async () => {
    const { clock, advance } = clockAt(0);
    const cache = new ReadCache(30_000, clock);
    let release: (v: string) => void = () => undefined;
    expect(await cache.getOrLoadServingStale('k', async () => 'old')).toBe('old');
    advance(30_000);
    expect(await cache.getOrLoadServingStale('k', () => new Promise<string>((resolve) => (release = resolve)))).toBe('old');
    cache.clear();
    release('loaded before the change');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.getOrLoadServingStale('k', async () => 'after the change')).toBe('after the change');
  });

  it('serving stale: a failed reload keeps the old answer for the next reader to retry', async () => {
    const { clock, advance } = clockAt(0);
    const cache = new ReadCache(30_000, clock);
    expect(await cache.getOrLoadServingStale('k', async () => 'old')).toBe('old');
    advance(30_000);
    expect(await cache.getOrLoadServingStale('k', async () => Promise.reject(new Error('db down')))).toBe('old');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.getOrLoadServingStale('k', async () => 'new')).toBe('old');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.getOrLoadServingStale('k', async () => 'newer')).toBe('new');
  });

  it('remembers nothing when its time is 0', async () => {
    const cache = new ReadCache(0, clockAt(0).clock);
    let loads = 0;
    await cache.getOrLoad('k', async () => ++loads);
    await cache.getOrLoad('k', async () => ++loads);
    expect(loads).toBe(2);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new ReadCache(30_000, clockAt(0).clock, 2);
    for (const key of ['a', 'b', 'c']) await cache.getOrLoad(key, async () => key);
    expect(cache.size).toBe(2);
    let reloaded = false;
    await cache.getOrLoad('a', async () => ((reloaded = true), 'a'));
    expect(reloaded).toBe(true);
  });
});
