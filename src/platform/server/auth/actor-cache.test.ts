import { describe, expect, it } from 'vitest';
import { ActorCache, type CachedActor } from './actor-cache.js';

const entry = (loadedAt: number): CachedActor => ({
  actor: {
    userId: 'u',
    username: 'u',
    displayName: 'U',
    organisationId: 'o',
    organisationName: 'O',
    organisationKind: 'gemeente',
    roles: ['viewer'],
    areaScopes: [],
    locale: 'nl',
    totpEnabled: false,
    via: 'token',
  },
  loadedAt,
});

describe('ActorCache', () => {
  it('hands out an entry until its time is up, then forgets it', () => {
    const cache = new ActorCache(5_000);
    cache.set('a', entry(1_000));
    expect(cache.get('a', 1_000)).toBeDefined();
    expect(cache.get('a', 5_999)).toBeDefined();
    expect(cache.get('a', 6_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not trust an entry from the future (a clock set back)', () => {
    const cache = new ActorCache(5_000);
    cache.set('a', entry(10_000));
    expect(cache.get('a', 9_000)).toBeUndefined();
  });

  it('keeps nothing when disabled (AUTH_CACHE_SECONDS=0)', () => {
    const cache = new ActorCache(0);
    cache.set('a', entry(0));
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('empties at once on clear()', () => {
    const cache = new ActorCache(5_000);
    cache.set('a', entry(0));
    cache.set('b', entry(0));
    cache.clear();
    expect([cache.get('a', 1), cache.get('b', 1)]).toEqual([undefined, undefined]);
  });

  it('refuses an entry loaded before the last clear(): a change during a slow read must not be undone', () => {
    const cache = new ActorCache(5_000);
    const generation = cache.generation;
    cache.clear();
    cache.set('a', entry(0), generation);
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('drops the oldest entry beyond 10,000', () => {
    const cache = new ActorCache(60_000);
    for (let i = 0; i <= 10_000; i += 1) cache.set(`k${i}`, entry(0));
    expect(cache.size).toBe(10_000);
    expect(cache.get('k0', 1)).toBeUndefined();
    expect(cache.get('k10000', 1)).toBeDefined();
  });
});
