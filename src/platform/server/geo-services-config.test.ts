import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { PDOK_ATTRIBUTION, PDOK_BRT_TILE_URL, PDOK_LOCATIESERVER_URL } from './geo-services-config.js';
import { securityHeaders } from './security-headers.js';

const PRODUCTION = { NODE_ENV: 'production', DEMO_MODE: 'false', SESSION_SECRET: 's'.repeat(48) };

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('MAP_TILE_URL', () => {
  it('is off by default: no tiles, and the CSP allows no image host', () => {
    const config = loadConfig({});
    expect(config.mapTiles).toBeNull();
    expect(securityHeaders(config)['Content-Security-Policy']).toContain("img-src 'self' data: blob:;");
  });

  it('takes the PDOK BRT template with the Kadaster attribution by default, and allows only its host in the CSP', () => {
    const config = loadConfig({ ...PRODUCTION, MAP_TILE_URL: PDOK_BRT_TILE_URL });
    expect(config.mapTiles).toEqual({ url: PDOK_BRT_TILE_URL, origin: 'https://service.pdok.nl', attribution: PDOK_ATTRIBUTION });
    expect(PDOK_ATTRIBUTION).toBe('Kaartgegevens © Kadaster');
    expect(securityHeaders(config)['Content-Security-Policy']).toContain("img-src 'self' data: blob: https://service.pdok.nl;");
  });

  it('keeps a given attribution, trimmed', () => {
    const config = loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/osm/{z}/{x}/{y}.png?key=abc', MAP_TILE_ATTRIBUTION: '  © OpenStreetMap-bijdragers ' });
    expect(config.mapTiles).toEqual({ url: 'https://tiles.example.org/osm/{z}/{x}/{y}.png?key=abc', origin: 'https://tiles.example.org', attribution: '© OpenStreetMap-bijdragers' });
  });

  it('allows plain http to this machine outside production only (the tests’ tile server)', () => {
    expect(loadConfig({ MAP_TILE_URL: 'http://127.0.0.1:4321/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Test' }).mapTiles?.origin).toBe('http://127.0.0.1:4321');
    expect(refusal({ ...PRODUCTION, MAP_TILE_URL: 'http://127.0.0.1:4321/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Test' })).toMatch(/MAP_TILE_URL must be an https URL\./);
    expect(refusal({ MAP_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Test' })).toMatch(/plain http only for localhost/);
  });

  it.each([
    ['https://tiles.example.org/{z}/{x}.png', /must contain \{y\}/],
    ['https://tiles.example.org/tiles.png', /must contain \{z\}, \{x\}, \{y\}/],
    ['https://{s}.tiles.example.org/{z}/{x}/{y}.png', /only the placeholders \{z\}, \{x\} and \{y\}, not \{s\}/],
    ['https://tiles{z}.example.org/{x}/{y}.png', /not in the host name/],
    ['tiles.example.org/{z}/{x}/{y}.png', /is not a URL/],
    ['https://user:secret@tiles.example.org/{z}/{x}/{y}.png', /user name or password/],
    ['https://tiles.example.org/{z}/{x}/{y}.png#top', /fragment/],
    ["https://tiles.example.org/{z}/{x}/{y}.png'onerror", /spaces, quotes/],
    ['ftp://tiles.example.org/{z}/{x}/{y}.png', /must be an https URL/],
  ])('refuses %s at start, saying why', (template, message) => {
    expect(refusal({ MAP_TILE_URL: template, MAP_TILE_ATTRIBUTION: 'Test' })).toMatch(message);
  });

  it('asks for the attribution of a provider other than PDOK', () => {
    expect(refusal({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' })).toMatch(/MAP_TILE_ATTRIBUTION is missing/);
  });

  it('refuses an attribution without tiles, with control characters or too long', () => {
    expect(refusal({ MAP_TILE_ATTRIBUTION: '© Kadaster' })).toMatch(/without MAP_TILE_URL/);
    expect(refusal({ MAP_TILE_URL: PDOK_BRT_TILE_URL, MAP_TILE_ATTRIBUTION: 'a\u0007b' })).toMatch(/control characters/);
    expect(refusal({ MAP_TILE_URL: PDOK_BRT_TILE_URL, MAP_TILE_ATTRIBUTION: 'a'.repeat(301) })).toMatch(/at most 300/);
  });
});

describe('ADDRESS_SEARCH_URL', () => {
  it('is off by default', () => {
    expect(loadConfig({}).addressSearchUrl).toBeNull();
  });

  it('takes the PDOK Locatieserver base URL, without a trailing slash', () => {
    expect(loadConfig({ ...PRODUCTION, ADDRESS_SEARCH_URL: `${PDOK_LOCATIESERVER_URL}/` }).addressSearchUrl).toBe('https://api.pdok.nl/bzk/locatieserver/search/v3_1');
    expect(loadConfig({ ADDRESS_SEARCH_URL: 'http://localhost:9999/search' }).addressSearchUrl).toBe('http://localhost:9999/search');
  });

  it.each([
    [{ ADDRESS_SEARCH_URL: 'api.pdok.nl/bzk/locatieserver' }, /ADDRESS_SEARCH_URL is not a URL/],
    [{ ADDRESS_SEARCH_URL: `${PDOK_LOCATIESERVER_URL}/suggest?q=x` }, /must not have a query/],
    [{ ADDRESS_SEARCH_URL: 'http://geocoder.example.org/search' }, /plain http only for localhost/],
    [{ ...PRODUCTION, ADDRESS_SEARCH_URL: 'http://localhost:9999/search' }, /ADDRESS_SEARCH_URL must be an https URL\./],
    [{ ADDRESS_SEARCH_URL: 'https://me:pw@api.pdok.nl/bzk/locatieserver/search/v3_1' }, /user name or password/],
  ])('refuses %o at start, saying why', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });
});
