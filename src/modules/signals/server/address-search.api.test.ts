import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocatieserverStandin, STANDIN_ADDRESSES, type LocatieserverStandin } from '../../../../test/support/locatieserver-standin.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { ADDRESS_SEARCHES_PER_MINUTE } from './address-search.routes.js';
import { parseCentroid } from './address-search.service.js';
import { createSignalsTestApp, get } from './testing/signals-test-app.js';

/**
 * The address search for placing a signal, against a local stand-in that answers as the PDOK Locatieserver
 * does: suggestions, a chosen address's point and buurt, what goes upstream, what happens when it fails or
 * is not configured, the rate limit, and that the typed text never reaches the log.
 */
let standin: LocatieserverStandin;
let t: TestApp;
let politie: TestSession;
const logLines: string[] = [];
const [TESTSTRAAT_12, , , ELDERS] = STANDIN_ADDRESSES as [(typeof STANDIN_ADDRESSES)[number], unknown, unknown, (typeof STANDIN_ADDRESSES)[number]];

beforeAll(async () => {
  standin = await startLocatieserverStandin();
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  t = await createSignalsTestApp({ ADDRESS_SEARCH_URL: standin.baseUrl, LOG_LEVEL: 'info' }, { logStream: stream });
  politie = await t.login('politie');
}, 120_000);
afterAll(async () => {
  await t?.close();
  await standin?.close();
});

const suggest = (q: string, session = politie) => get(t, session, `/api/v1/address-suggestions?q=${encodeURIComponent(q)}`);

describe('address suggestions', () => {
  it('answers the matching addresses and streets, asking the Locatieserver only for those types', async () => {
    standin.requests.length = 0;
    const response = await suggest('teststraat');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      items: [
        { id: TESTSTRAAT_12.id, label: 'Teststraat 12, 3317AA Dordrecht', type: 'adres' },
        { id: 'adr-0000000000000000000000000000a002', label: 'Teststraat 14, 3317AA Dordrecht', type: 'adres' },
        { id: 'wgd-0000000000000000000000000000b001', label: 'Teststraat, Dordrecht', type: 'weg' },
      ],
    });
    expect(standin.requests).toHaveLength(1);
    expect(standin.requests[0]).toMatchObject({ path: '/suggest', params: { q: 'teststraat', fq: 'type:(adres OR weg)', rows: '8' } });
    // Our server asks, not the user's browser: no cookie or session travels along.
    expect(standin.requests[0]?.headers.cookie).toBeUndefined();
    expect(standin.requests[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('answers an empty list when nothing matches', async () => {
    const response = await suggest('Nergensstraat');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [] });
  });

  it.each([['x'], [''], ['a'.repeat(101)]])('refuses the query %j with 422 without asking upstream', async (q) => {
    standin.requests.length = 0;
    const response = await suggest(q);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors[0].path).toBe('querystring.q');
    expect(standin.requests).toHaveLength(0);
  });

  it('is only for who may register a signal', async () => {
    const analist = await t.login('analist');
    expect((await suggest('teststraat', analist)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/address-suggestions?q=teststraat' })).statusCode).toBe(401);
  });
});

describe('looking up a chosen address', () => {
  it('gives its WGS84 point and the buurt a signal there is placed in', async () => {
    standin.requests.length = 0;
    const response = await get(t, politie, `/api/v1/address-suggestions/${TESTSTRAAT_12.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: TESTSTRAAT_12.id, label: 'Teststraat 12, 3317AA Dordrecht', lon: 4.6633, lat: 51.8008, buurt: { code: 'BU05050305', name: 'Krispijnse Driehoek' } });
    expect(standin.requests[0]).toMatchObject({ path: '/lookup', params: { id: TESTSTRAAT_12.id, fl: 'id,type,weergavenaam,centroide_ll' } });
  });

  it('says when the address lies in no known buurt', async () => {
    const response = await get(t, politie, `/api/v1/address-suggestions/${ELDERS.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lon: 6.5665, lat: 53.2194, buurt: null });
  });

  it('answers 404 for an id the Locatieserver does not know, and 422 for one that is no id', async () => {
    const unknown = await get(t, politie, '/api/v1/address-suggestions/adr-ffffffffffffffffffffffffffffffff');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe('urn:wijkregie:problem:signals.address_not_found');
    const bad = await get(t, politie, '/api/v1/address-suggestions/..%2Fsuggest');
    expect(bad.statusCode).toBe(422);
  });
});

describe('when the Locatieserver fails', () => {
  it.each([[503], ['garbage' as const], ['hang' as const]])('answers 502 with a clear problem (%s), and nothing is stored', async (failure) => {
    const signalsBefore = await countRows(t.database, 'signals');
    const auditBefore = await countRows(t.database, 'audit_log');
    standin.failWith = failure;
    try {
      for (const url of ['/api/v1/address-suggestions?q=teststraat', `/api/v1/address-suggestions/${TESTSTRAAT_12.id}`]) {
        const response = await get(t, politie, url);
        expect(response.statusCode, url).toBe(502);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:signals.address_search_unavailable' });
        expect(response.body).not.toContain('teststraat');
        expect(response.body).not.toContain('127.0.0.1');
      }
    } finally {
      standin.failWith = null;
    }
    expect(await countRows(t.database, 'signals')).toBe(signalsBefore);
    expect(await countRows(t.database, 'audit_log')).toBe(auditBefore);
  }, 30_000);
});

describe('privacy of the typed text', () => {
  it('never writes the typed address to the log', async () => {
    await suggest('Teststraat 12 geheim');
    standin.failWith = 503;
    await suggest('Teststraat 14 geheim');
    standin.failWith = null;
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => /geheim|Teststraat/i.test(line))).toEqual([]);
  });
});

describe('rate limit', () => {
  it(`allows ${ADDRESS_SEARCHES_PER_MINUTE} searches a minute per user, then 429`, async () => {
    const partner = await t.login('regisseur');
    const statuses: number[] = [];
    for (let i = 0; i <= ADDRESS_SEARCHES_PER_MINUTE; i += 1) statuses.push((await suggest('teststraat', partner)).statusCode);
    expect(statuses.slice(0, ADDRESS_SEARCHES_PER_MINUTE).every((s) => s === 200)).toBe(true);
    expect(statuses[ADDRESS_SEARCHES_PER_MINUTE]).toBe(429);
  }, 60_000);
});

describe('without ADDRESS_SEARCH_URL', () => {
  it('offers no address search: the meta says so and the routes answer 404 without asking anyone', async () => {
    const plain = await createTestApp();
    try {
      const session = await plain.login('politie');
      const meta = await plain.app.inject({ method: 'GET', url: '/api/v1/meta' });
      expect(meta.json()).toMatchObject({ addressSearch: false, mapTiles: null });
      standin.requests.length = 0;
      const response = await plain.app.inject({ method: 'GET', url: '/api/v1/address-suggestions?q=teststraat', headers: { cookie: session.cookie } });
      expect(response.statusCode).toBe(404);
      expect(response.json().type).toBe('urn:wijkregie:problem:signals.address_search_off');
      expect(standin.requests).toHaveLength(0);
    } finally {
      await plain.close();
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/meta' })).json()).toMatchObject({ addressSearch: true });
  });
});

describe('parseCentroid', () => {
  it('reads the Locatieserver point and rounds it like a map click', () => {
    expect(parseCentroid('POINT(4.66331234 51.80081234)')).toEqual({ lon: 4.663312, lat: 51.800812 });
    expect(parseCentroid('POINT(104420 423000)')).toBeNull();
    expect(parseCentroid('POINT(4.6 nope)')).toBeNull();
    expect(parseCentroid(undefined)).toBeNull();
  });
});
