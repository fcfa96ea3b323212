import { describe, expect, it } from 'vitest';
import { compressesAnswersOf, negotiateAnswerEncoding } from './compression.js';

describe('compressesAnswersOf', () => {
  it.each([
    ['/api/v1/area-features', true],
    ['/api/v1/indicators/:code/values', true],
    ['/api/v1/meta', true],
    ['/api/v1/meetings', true],
    // Answers with a credential (CSRF token, TOTP secret, a new API token): never (BREACH).
    ['/api/v1/session', false],
    ['/api/v1/session/totp', false],
    ['/api/v1/session/oidc/callback', false],
    ['/api/v1/me', false],
    ['/api/v1/me/totp', false],
    ['/api/v1/api-tokens', false],
    ['/api/v1/api-tokens/:id', false],
    // Not a prefix match on the name: a route that merely starts with the same letters is compressed.
    ['/api/v1/sessions-report', true],
    // The web app's files are precompressed at build time.
    ['/assets/index-CKMsUg5M.js', false],
    ['/index.html', false],
  ])('%s → %s', (url, expected) => {
    expect(compressesAnswersOf(url)).toBe(expected);
  });
});

describe('negotiateAnswerEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['*', 'gzip'],
    ['x-gzip', 'gzip'],
    ['identity', null],
    ['compress', null],
    ['', null],
    [undefined, null],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(negotiateAnswerEncoding(header)).toBe(expected);
  });
});
