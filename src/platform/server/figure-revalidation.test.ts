import { describe, expect, it } from 'vitest';
import { weakEtagOf, matchesIfNoneMatch } from './figure-revalidation.js';

describe('weakEtagOf', () => {
  it('is weak, the same for the same bytes as string or buffer, and different for other bytes', () => {
    const etag = weakEtagOf('{"items":[1,2,3]}');
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    expect(weakEtagOf(Buffer.from('{"items":[1,2,3]}'))).toBe(etag);
    expect(weakEtagOf('{"items":[1,2,4]}')).not.toBe(etag);
  });
});

describe('matchesIfNoneMatch', () => {
  const etag = 'W/"abc"';
  it.each([
    ['W/"abc"', true],
    ['"abc"', true],
    ['"x", W/"abc"', true],
    [' W/"x" ,  "abc" ', true],
    ['*', true],
    ['W/"abcd"', false],
    ['"ab"', false],
    ['', false],
    [undefined, false],
  ])('If-None-Match %j → %s', (header, expected) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(expected);
  });
});
