/**
 * The two outside services the maps may use, both off unless configured: base-map tiles (MAP_TILE_URL) and
 * an address search (ADDRESS_SEARCH_URL, the PDOK Locatieserver). Without them the app works offline and
 * no request leaves the browser or the server for them. Checked at start, so a typo stops the app with a
 * message instead of a map that silently stays empty.
 */

/** Base-map tiles: a Leaflet URL template in Web Mercator (EPSG:3857) and the attribution it requires. */
export interface MapTilesConfig {
  url: string;
  /** The tile host (scheme, host, port): the only image source from elsewhere the CSP allows. */
  origin: string;
  /** Plain text, shown on every map that draws the tiles. */
  attribution: string;
}

/** PDOK's BRT Achtergrondkaart ("standaard", EPSG:3857), the base map documented in docs/operations.md. */
export const PDOK_BRT_TILE_URL = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
/** PDOK's tiles are open data under CC BY 4.0, which asks for this attribution. */
export const PDOK_ATTRIBUTION = 'Kaartgegevens © Kadaster';
const PDOK_HOSTS = new Set(['service.pdok.nl']);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const PLACEHOLDERS = ['{z}', '{x}', '{y}'] as const;
const MAX_ATTRIBUTION = 300;

/**
 * Plain http only to this machine outside production (the tests' stand-in servers); everything else https,
 * so the map never mixes insecure content into the page.
 */
function transportProblem(name: string, url: URL, production: boolean): string | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && !production) return null;
  return production || url.protocol !== 'http:'
    ? `${name} must be an https URL.`
    : `${name} must be an https URL (plain http only for localhost, outside production).`;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Checks MAP_TILE_URL and MAP_TILE_ATTRIBUTION together; pushes every problem, returns null when off. */
export function mapTilesConfig(template: string | undefined, attribution: string | undefined, production: boolean, problems: string[]): MapTilesConfig | null {
  if (template === undefined || template === '') {
    if (attribution !== undefined) problems.push('MAP_TILE_ATTRIBUTION set without MAP_TILE_URL: set MAP_TILE_URL too, or remove it.');
    return null;
  }
  const before = problems.length;
  const example = `for example ${PDOK_BRT_TILE_URL}`;
  const missing = PLACEHOLDERS.filter((placeholder) => !template.includes(placeholder));
  if (missing.length > 0) problems.push(`MAP_TILE_URL must contain ${missing.join(', ')} (a tile template in EPSG:3857, ${example}).`);
  const others = (template.match(/\{[^}]*\}/g) ?? []).filter((part) => !(PLACEHOLDERS as readonly string[]).includes(part));
  if (others.length > 0) problems.push(`MAP_TILE_URL may use only the placeholders {z}, {x} and {y}, not ${[...new Set(others)].join(', ')}.`);
  if (/[\s"'<>\\]/.test(template)) problems.push('MAP_TILE_URL must not contain spaces, quotes, < > or backslashes.');
  const filled = (n: string) => parseUrl(template.replace(/\{[^}]*\}/g, n));
  const url = filled('0');
  if (!url) {
    problems.push(`MAP_TILE_URL is not a URL (${example}).`);
  } else {
    const transport = transportProblem('MAP_TILE_URL', url, production);
    if (transport) problems.push(transport);
    if (url.username || url.password) problems.push('MAP_TILE_URL must not contain a user name or password.');
    if (url.hash) problems.push('MAP_TILE_URL must not have a fragment (#).');
    // The CSP allows one origin: a placeholder in the host name would need every host.
    if (filled('1')?.origin !== url.origin) problems.push('MAP_TILE_URL must have {z}, {x} and {y} in its path or query, not in the host name.');
  }
  const text = attribution?.trim() ?? '';
  if (/\p{Cc}/u.test(text)) problems.push('MAP_TILE_ATTRIBUTION must not contain control characters.');
  if (text.length > MAX_ATTRIBUTION) problems.push(`MAP_TILE_ATTRIBUTION must be at most ${MAX_ATTRIBUTION} characters.`);
  const pdok = url !== null && PDOK_HOSTS.has(url.hostname);
  if (!text && !pdok) problems.push('MAP_TILE_ATTRIBUTION is missing: the attribution the tile provider requires, shown on every map.');
  if (problems.length > before || !url) return null;
  return { url: template, origin: url.origin, attribution: text || PDOK_ATTRIBUTION };
}

/** The PDOK Locatieserver, the address search documented in docs/operations.md. */
export const PDOK_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

/** Checks ADDRESS_SEARCH_URL: the base URL under which /suggest and /lookup answer; null when off. */
export function addressSearchConfig(base: string | undefined, production: boolean, problems: string[]): string | null {
  if (base === undefined || base === '') return null;
  const url = parseUrl(base);
  if (!url) {
    problems.push(`ADDRESS_SEARCH_URL is not a URL (for example ${PDOK_LOCATIESERVER_URL}).`);
    return null;
  }
  const before = problems.length;
  const transport = transportProblem('ADDRESS_SEARCH_URL', url, production);
  if (transport) problems.push(transport);
  if (url.username || url.password) problems.push('ADDRESS_SEARCH_URL must not contain a user name or password.');
  if (url.search || url.hash) problems.push(`ADDRESS_SEARCH_URL must not have a query or fragment: give the base URL, for example ${PDOK_LOCATIESERVER_URL}.`);
  if (problems.length > before) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
