import { describe, expect, it } from 'vitest';
import { SharedRateCounter, type RateLimitExchange } from './shared-rate-limit.js';

/** The shared table in memory, as two processes would see it through the database. */
function sharedTable() {
  const rows = new Map<string, number>();
  const keyOf = (windowStart: Date, client: string) => `${windowStart.toISOString()} ${client}`;
  const exchange: RateLimitExchange = async (windowStart, added, watched) => {
    const out: { client: string; hits: number }[] = [];
    for (const { client, hits } of added) {
      const total = (rows.get(keyOf(windowStart, client)) ?? 0) + hits;
      rows.set(keyOf(windowStart, client), total);
      out.push({ client, hits: total });
    }
    for (const client of watched) {
      const total = rows.get(keyOf(windowStart, client));
      if (total !== undefined) out.push({ client, hits: total });
    }
    return out;
  };
  const deleteBefore = async (windowStart: Date) => {
    for (const key of rows.keys()) if (key.split(' ')[0]! < windowStart.toISOString()) rows.delete(key);
  };
  return { rows, exchange, deleteBefore };
}

const secret = Buffer.alloc(32, 7);
let clock = 0;
const counter = (table: ReturnType<typeof sharedTable>, errors: unknown[] = []) =>
  new SharedRateCounter({ windowMs: 60_000, secret, exchange: table.exchange, deleteBefore: table.deleteBefore, now: () => clock, onError: (e) => errors.push(e) });

describe('SharedRateCounter', () => {
  it('counts in memory, and after an exchange judges by what every process counted', async () => {
    clock = 120_000;
    const table = sharedTable();
    const a = counter(table);
    const b = counter(table);
    for (let i = 1; i <= 6; i += 1) expect(a.hit('user:1').current).toBe(i);
    await a.flush();
    // b has not seen this client this minute: it counts alone until its own exchange.
    expect(b.hit('user:1').current).toBe(1);
    await b.flush();
    expect(b.hit('user:1').current).toBe(8);
    // a learns b's added hit at its next exchange, also for a client it has nothing new of (b's last hit
    // is still b's own until b's next exchange).
    await a.flush();
    expect(a.hit('user:1').current).toBe(8);
    expect(b.hit('user:2').current).toBe(1);
    expect([...table.rows.values()].reduce((sum, n) => sum + n, 0)).toBe(7);
  });

  it('names clients by an HMAC, never by the address or id', async () => {
    clock = 60_000;
    const table = sharedTable();
    const a = counter(table);
    a.hit('ip:192.0.2.7');
    await a.flush();
    const [key] = [...table.rows.keys()];
    expect(key).not.toContain('192.0.2.7');
    expect(key?.split(' ')[1]).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('starts every minute at zero, tells how long the minute lasts, and deletes the rows of past minutes', async () => {
    clock = 180_000 + 45_000;
    const table = sharedTable();
    const a = counter(table);
    expect(a.hit('user:1')).toEqual({ current: 1, ttl: 15_000 });
    await a.flush();
    clock = 240_000;
    expect(a.hit('user:1')).toEqual({ current: 1, ttl: 60_000 });
    await a.flush();
    expect([...table.rows.entries()]).toEqual([[expect.stringContaining('1970-01-01T00:04:00.000Z'), 1]]);
  });

  it('keeps what it counted while the database is away, and adds it when it is back', async () => {
    clock = 300_000;
    const table = sharedTable();
    const errors: unknown[] = [];
    let down = true;
    const a = new SharedRateCounter({
      windowMs: 60_000,
      secret,
      exchange: (...args) => (down ? Promise.reject(new Error('down')) : table.exchange(...args)),
      deleteBefore: table.deleteBefore,
      now: () => clock,
      onError: (e) => errors.push(e),
    });
    a.hit('user:1');
    a.hit('user:1');
    await a.flush();
    expect(errors).toHaveLength(1);
    expect(a.hit('user:1').current).toBe(3);
    down = false;
    await a.flush();
    expect([...table.rows.values()]).toEqual([3]);
    expect(a.hit('user:1').current).toBe(4);
  });
});
