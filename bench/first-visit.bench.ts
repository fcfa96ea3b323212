// Bytes over the wire for the first visit to the map page in a real browser (Chromium), and for a second
// visit with what the browser kept: index.html, scripts, styles, fonts, images and every API call the map
// makes, counted by Chromium itself (DevTools protocol: bytes received per request, headers included).
// Run: npm run build && npm run bench -- first-visit
// The server runs as the browser tests run it (demo mode, fresh PGlite data folder), logged in as the analyst.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { startHarness, type Harness } from '../test/e2e/harness.js';

interface Transfer {
  url: string;
  type: string;
  status: number;
  encoding: string;
  /** Bytes received for the request: headers and (compressed) body. 0 when the browser's cache answered. */
  wireBytes: number;
  /** The body after decoding. */
  bodyBytes: number;
  /** Answered by the browser's cache without asking the server. */
  fromCache: boolean;
  /** The browser asked, and the server answered 304: the kept copy was used. */
  revalidated: boolean;
}

const MAP_SHAPES = '.wr-map .leaflet-overlay-pane path';

/** Records what Chromium receives for every request of one page. */
async function recordTransfers(cdp: CDPSession): Promise<() => Transfer[]> {
  const byId = new Map<string, Transfer>();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  cdp.on('Network.requestWillBeSent', (event) => {
    byId.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other', status: 0, encoding: '', wireBytes: 0, bodyBytes: 0, fromCache: false, revalidated: false });
  });
  // The status on the wire: a 304 shows here, while responseReceived reports the kept 200.
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    const transfer = byId.get(event.requestId);
    if (transfer && event.statusCode === 304) transfer.revalidated = true;
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const transfer = byId.get(event.requestId);
    if (transfer) transfer.fromCache = true;
  });
  cdp.on('Network.responseReceived', (event) => {
    const transfer = byId.get(event.requestId);
    if (!transfer) return;
    transfer.status = event.response.status;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
    transfer.encoding = headers['content-encoding'] ?? '';
    if (event.response.fromDiskCache) transfer.fromCache = true;
  });
  cdp.on('Network.dataReceived', (event) => {
    const transfer = byId.get(event.requestId);
    if (transfer) transfer.bodyBytes += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const transfer = byId.get(event.requestId);
    if (transfer) transfer.wireBytes = transfer.fromCache ? 0 : event.encodedDataLength;
  });
  return () => [...byId.values()].filter((transfer) => transfer.url.startsWith('http'));
}

async function visitMap(context: BrowserContext, url: string): Promise<Transfer[]> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const transfers = await recordTransfers(cdp);
  await page.goto(url);
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length > 0, MAP_SHAPES, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const result = transfers();
  await page.close();
  return result;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function categoryOf(transfer: Transfer): string {
  if (transfer.type === 'Fetch' || transfer.type === 'XHR') return 'API';
  return transfer.type.toLowerCase();
}

function report(label: string, transfers: Transfer[]): void {
  const categories = new Map<string, { requests: number; wire: number; body: number; cached: number; revalidated: number }>();
  for (const transfer of transfers) {
    const category = categoryOf(transfer);
    const sum = categories.get(category) ?? { requests: 0, wire: 0, body: 0, cached: 0, revalidated: 0 };
    sum.requests += 1;
    sum.wire += transfer.wireBytes;
    sum.body += transfer.bodyBytes;
    if (transfer.fromCache) sum.cached += 1;
    if (transfer.revalidated) sum.revalidated += 1;
    categories.set(category, sum);
  }
  const wire = transfers.reduce((total, transfer) => total + transfer.wireBytes, 0);
  const body = transfers.reduce((total, transfer) => total + transfer.bodyBytes, 0);
  console.log(`${label}: ${transfers.length} requests, ${kb(wire)} over the wire (headers included), ${kb(body)} of decoded bodies`);
  for (const [category, sum] of [...categories].sort((a, b) => b[1].wire - a[1].wire)) {
    console.log(
      `  ${category.padEnd(11)} ${String(sum.requests).padStart(3)} requests (${sum.cached} from the browser cache, ${sum.revalidated} answered 304)  ${kb(sum.wire).padStart(10)} over the wire  ${kb(sum.body).padStart(10)} decoded`,
    );
  }
  for (const transfer of transfers.filter((item) => categoryOf(item) === 'API')) {
    const path = new URL(transfer.url).pathname + new URL(transfer.url).search;
    const status = transfer.revalidated ? 304 : transfer.status;
    console.log(`    ${String(status).padStart(3)} ${(transfer.encoding || '-').padEnd(4)} ${kb(transfer.wireBytes).padStart(9)} / ${kb(transfer.bodyBytes).padStart(9)}  ${path}`);
  }
}

async function login(harness: Harness, context: BrowserContext): Promise<void> {
  const response = await context.request.post(`${harness.baseUrl}/api/v1/session`, { data: { username: 'analist', password: 'demo' } });
  if (!response.ok()) throw new Error(`login failed: ${response.status()}`);
}

export async function benchFirstVisit(): Promise<void> {
  const harness = await startHarness();
  try {
    for (const [label, url] of [
      ['the map as it opens (Dordrecht, buurten, 2020)', '/kaart'],
      ['the national map (gemeenten)', '/kaart?gemeente=NL00'],
    ] as const) {
      // A fresh browser profile: nothing cached. The session cookie is set before, so the login page is not counted.
      const context = await harness.newContext();
      try {
        await login(harness, context);
        report(`${label}, first visit`, await visitMap(context, url));
        report(`${label}, second visit (same browser, new tab)`, await visitMap(context, url));
      } finally {
        await context.close();
      }
    }
    const problems = harness.browserProblems();
    if (problems.length) throw new Error(`the browser reported problems:\n${problems.join('\n')}`);
  } finally {
    await harness.stop();
  }
}
