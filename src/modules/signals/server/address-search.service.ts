import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findBuurtContainingPoint } from '../../areas/index.js';
import { AppError, type Database } from '../../../platform/server/index.js';
import type { AddressPoint, AddressSuggestion } from '../contract.js';

/**
 * Address search through the PDOK Locatieserver (or anything answering in its shape) for placing a signal.
 * The browser asks us, we ask the Locatieserver: the browser talks only to Wijkregie (the CSP stays
 * `connect-src 'self'`), and the Locatieserver sees our server, not the user. Nothing is stored or audited:
 * a search changes nothing, and the typed text is never logged (the upstream URL carries it, so no error
 * here repeats that URL).
 */

export interface AddressSearchDeps {
  /** ADDRESS_SEARCH_URL; null = not configured. */
  baseUrl: string | null;
  timeoutMs?: number;
}

const TIMEOUT_MS = 5_000;
const MAX_ANSWER_BYTES = 512 * 1024;
const SUGGESTIONS = 8;
// Addresses and streets: the kinds of place a signal is about. Towns, postcodes and parcels are too coarse or beside the point.
const TYPES_FILTER = 'type:(adres OR weg)';

const Doc = z.object({
  id: z.string().max(100),
  type: z.string().max(50),
  weergavenaam: z.string().min(1).max(300),
  centroide_ll: z.string().max(100).optional(),
});
const Answer = z.object({ response: z.object({ docs: z.array(Doc) }) });

const unavailable = () =>
  new AppError('signals.address_search_unavailable', 502, 'The address search does not answer at the moment; place the signal on the map or type its coordinates.');

function configured(deps: AddressSearchDeps): string {
  if (!deps.baseUrl) throw new AppError('signals.address_search_off', 404, 'No address search is configured on this server.');
  return deps.baseUrl;
}

async function ask(deps: AddressSearchDeps, path: '/suggest' | '/lookup', params: Record<string, string>): Promise<z.infer<typeof Doc>[]> {
  const url = `${configured(deps)}${path}?${new URLSearchParams(params).toString()}`;
  let text: string;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(deps.timeoutMs ?? TIMEOUT_MS) });
    if (!response.ok) throw unavailable();
    text = await response.text();
  } catch (error) {
    // A network error or timeout carries the URL (with the typed text) in its message: drop it.
    throw error instanceof AppError ? error : unavailable();
  }
  if (text.length > MAX_ANSWER_BYTES) throw unavailable();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unavailable();
  }
  const answer = Answer.safeParse(parsed);
  if (!answer.success) throw unavailable();
  return answer.data.response.docs;
}

const isKnownType = (type: string): type is AddressSuggestion['type'] => type === 'adres' || type === 'weg';

/** Up to eight addresses or streets matching the typed text, best first. */
export async function suggestAddresses(deps: AddressSearchDeps, q: string): Promise<{ items: AddressSuggestion[] }> {
  const docs = await ask(deps, '/suggest', { q, fq: TYPES_FILTER, rows: String(SUGGESTIONS) });
  return { items: docs.filter((doc) => isKnownType(doc.type)).map((doc) => ({ id: doc.id, label: doc.weergavenaam, type: doc.type as AddressSuggestion['type'] })) };
}

const POINT = /^POINT\((-?\d{1,3}(?:\.\d+)?) (-?\d{1,2}(?:\.\d+)?)\)$/;
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** `POINT(lon lat)` in WGS84 → a point rounded as a map click is; null when it is not one. */
export function parseCentroid(text: string | undefined): { lon: number; lat: number } | null {
  const match = text ? POINT.exec(text.trim()) : null;
  if (!match) return null;
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
  return { lon: round6(lon), lat: round6(lat) };
}

/** The point of one address from the suggestions, with the buurt a signal there would be placed in. */
export async function lookupAddress(deps: AddressSearchDeps, db: Kysely<Database>, id: string): Promise<AddressPoint> {
  const docs = await ask(deps, '/lookup', { id, fl: 'id,type,weergavenaam,centroide_ll' });
  const doc = docs.find((d) => d.id === id);
  if (!doc) throw new AppError('signals.address_not_found', 404, 'The address search does not know this address (any more).');
  const point = parseCentroid(doc.centroide_ll);
  if (!point) throw unavailable();
  // The same placement as registering a signal at this point (placeSignal), so the form can show the buurt.
  const buurt = await findBuurtContainingPoint(db, point);
  return { id: doc.id, label: doc.weergavenaam, ...point, buurt: buurt ? { code: buurt.code, name: buurt.name } : null };
}
