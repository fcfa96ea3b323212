import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A local stand-in for the PDOK Locatieserver (v3_1): `/suggest` and `/lookup` answer in its JSON shape
 * (`response.docs` with `id`, `type`, `weergavenaam`, and on lookup `centroide_ll` "POINT(lon lat)" and
 * `centroide_rd`), so the address search is tested without the internet. The addresses are test records,
 * placed at points whose buurt the demo boundaries know. Every request is recorded.
 */

export interface StandinAddress {
  id: string;
  type: 'adres' | 'weg';
  weergavenaam: string;
  lon: number;
  lat: number;
  /** RD New, as the Locatieserver gives it too (not used by Wijkregie, present so the shape is whole). */
  rd: [number, number];
}

export const STANDIN_ADDRESSES: readonly StandinAddress[] = [
  // In Krispijnse Driehoek (Dordt West) on the demo boundaries.
  { id: 'adr-0000000000000000000000000000a001', type: 'adres', weergavenaam: 'Teststraat 12, 3317AA Dordrecht', lon: 4.6633, lat: 51.8008, rd: [104_420, 423_000] },
  { id: 'adr-0000000000000000000000000000a002', type: 'adres', weergavenaam: 'Teststraat 14, 3317AA Dordrecht', lon: 4.66335, lat: 51.80085, rd: [104_423, 423_005] },
  { id: 'wgd-0000000000000000000000000000b001', type: 'weg', weergavenaam: 'Teststraat, Dordrecht', lon: 4.6634, lat: 51.8009, rd: [104_427, 423_010] },
  // Far outside the municipality: the lookup answers, but no demo buurt holds the point.
  { id: 'adr-0000000000000000000000000000c001', type: 'adres', weergavenaam: 'Proefweg 1, 9999ZZ Elders', lon: 6.5665, lat: 53.2194, rd: [233_000, 582_000] },
];

export interface RecordedRequest {
  path: string;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
}

export interface LocatieserverStandin {
  baseUrl: string;
  requests: RecordedRequest[];
  /** How the next requests fail: an HTTP status, a body that is not the Locatieserver's, or a hang; null = answer. */
  failWith: number | 'garbage' | 'hang' | null;
  close: () => Promise<void>;
}

function doc(address: StandinAddress, full: boolean): Record<string, unknown> {
  const base = { type: address.type, weergavenaam: address.weergavenaam, id: address.id, score: 10 };
  return full ? { ...base, centroide_ll: `POINT(${address.lon} ${address.lat})`, centroide_rd: `POINT(${address.rd[0]} ${address.rd[1]})` } : base;
}

export async function startLocatieserverStandin(): Promise<LocatieserverStandin> {
  const state: LocatieserverStandin = { baseUrl: '', requests: [], failWith: null, close: async () => undefined };
  const hanging = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://standin');
    const path = url.pathname.replace(/^\/search\/v3_1/, '');
    state.requests.push({ path, params: Object.fromEntries(url.searchParams), headers: request.headers });
    if (state.failWith === 'hang') {
      hanging.add(() => response.destroy());
      return;
    }
    if (typeof state.failWith === 'number') {
      response.writeHead(state.failWith, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      return;
    }
    if (state.failWith === 'garbage') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"response": {"docs": "not a list"}}');
      return;
    }
    let docs: Record<string, unknown>[];
    if (path === '/suggest') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const rows = Number(url.searchParams.get('rows') ?? '10');
      docs = STANDIN_ADDRESSES.filter((a) => a.weergavenaam.toLowerCase().includes(q)).slice(0, rows).map((a) => doc(a, false));
    } else if (path === '/lookup') {
      const id = url.searchParams.get('id');
      docs = STANDIN_ADDRESSES.filter((a) => a.id === id).map((a) => doc(a, true));
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    response.end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 10, numFoundExact: true, docs }, highlighting: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  state.baseUrl = `http://127.0.0.1:${port}/search/v3_1`;
  state.close = async () => {
    for (const end of hanging) end();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
