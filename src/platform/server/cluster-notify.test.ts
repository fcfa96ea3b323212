import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANGES_CHANNEL, startClusterLink, type ClusterLink } from './cluster-notify.js';

/**
 * The link's own rules with a stand-in for the connection (the real one is tested against PostgreSQL in
 * cluster.api.test.ts and with two server processes in the crash suite).
 */
class FakeClient extends EventEmitter {
  readonly statements: { text: string; values: unknown[] | undefined }[] = [];
  /** Answers of pg_notify … peers, resolved by the test. */
  readonly notifies: ((peers: number) => void)[] = [];
  failConnect = false;

  async connect(): Promise<void> {
    if (this.failConnect) throw new Error('connection refused');
  }

  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    this.statements.push({ text, values });
    if (text.includes('peers')) return new Promise((resolve) => this.notifies.push((peers) => resolve({ rows: [{ peers }] })));
    return Promise.resolve({ rows: [{ locked: true }] });
  }

  async end(): Promise<void> {}

  deliver(payload: string): void {
    this.emit('notification', { channel: CHANGES_CHANNEL, payload });
  }
}

const quiet = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
let links: ClusterLink[] = [];
afterEach(async () => {
  await Promise.all(links.map((link) => link.close()));
  links = [];
  vi.useRealTimers();
});

async function link(clients: FakeClient[], events: string[] = []) {
  let next = 0;
  const made = await startClusterLink({
    openClient: () => {
      const client = clients[next] ?? new FakeClient();
      next += 1;
      return client as unknown as pg.Client;
    },
    instanceId: 'me:1:aa',
    onChange: () => events.push('change'),
    onHearing: (hearing) => events.push(hearing ? 'hearing' : 'deaf'),
    fallbackNotify: async (payload) => void events.push(`pool ${payload}`),
    log: quiet,
  });
  links.push(made);
  return made;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the cluster link', () => {
  it('listens, and empties the caches for changes by others, answering each; its own changes it ignores', async () => {
    const client = new FakeClient();
    const events: string[] = [];
    await link([client], events);
    expect(client.statements[0]?.text).toBe(`LISTEN ${CHANGES_CHANNEL}`);
    expect(events).toEqual(['hearing']);
    client.deliver('change other:2:bb 7');
    client.deliver('change me:1:aa 1');
    client.deliver('change cli');
    await flush();
    expect(events).toEqual(['hearing', 'change', 'change']);
    // Answered: the other process waits for it; a command-line process waits for nothing.
    expect(client.statements.filter((s) => s.values?.[1] === 'ack other:2:bb 7')).toHaveLength(1);
    expect(client.statements.filter((s) => String(s.values?.[1]).startsWith('ack'))).toHaveLength(1);
  });

  it('reports a change done once every other instance answered, and lets changes meanwhile share the next announcement', async () => {
    const client = new FakeClient();
    const made = await link([client]);
    let firstDone = false;
    const first = made.announce().then(() => (firstDone = true));
    await flush();
    expect(client.notifies).toHaveLength(1);
    // Two changes while the first is on its way: one more announcement serves both.
    const second = made.announce();
    const third = made.announce();
    expect(third).toBe(second);
    client.notifies[0]?.(2);
    await flush();
    client.deliver('ack me:1:aa 1');
    await flush();
    expect(firstDone).toBe(false);
    client.deliver('ack me:1:aa 1');
    await first;
    await flush();
    expect(client.notifies).toHaveLength(2);
    client.notifies[1]?.(0);
    await second;
    expect(client.statements.filter((s) => s.text.includes('pg_notify($1, $2), ')).map((s) => s.values?.[1])).toEqual(['change me:1:aa 1', 'change me:1:aa 2']);
  });

  it('stops trusting at once when the connection is lost, and hears again after reconnecting', async () => {
    vi.useFakeTimers();
    const broken = new FakeClient();
    const refusing = new FakeClient();
    refusing.failConnect = true;
    const healthy = new FakeClient();
    const events: string[] = [];
    const made = await link([broken, refusing, healthy], events);
    broken.emit('error', new Error('terminated'));
    expect(made.hearing).toBe(false);
    expect(events).toEqual(['hearing', 'deaf']);
    // While deaf, a change goes out over the pool, and job locks are refused.
    await made.announce();
    expect(events).toContain('pool change me:1:aa');
    expect(await made.tryJobLock('x')).toBeNull();
    await vi.advanceTimersByTimeAsync(400);
    expect(made.hearing).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(made.hearing).toBe(true);
    expect(events.filter((e) => e === 'hearing')).toHaveLength(2);
    expect(healthy.statements[0]?.text).toBe(`LISTEN ${CHANGES_CHANNEL}`);
  });
});
