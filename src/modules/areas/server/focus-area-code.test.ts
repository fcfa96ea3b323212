import { describe, expect, it } from 'vitest';
import { focusAreaCode, slugOfName } from './focus-area-code.js';

const CODE_RULE = /^FA[A-Za-z0-9_-]{1,40}$/;

describe('focus-area codes', () => {
  it.each([
    ['Dordt West', 'dordt-west'],
    ['Crabbehof/Zuidhoven', 'crabbehof-zuidhoven'],
    ['  Café  Noord-Oost! ', 'cafe-noord-oost'],
    ['!!!', 'gebied'],
    ['Ω', 'gebied'],
  ])('slug of %j is %j', (name, slug) => {
    expect(slugOfName(name)).toBe(slug);
  });

  it('stays within the code rule for long names', () => {
    const code = focusAreaCode('a'.repeat(200), () => false);
    expect(code).toBe(`FA${'a'.repeat(36)}`);
    expect(code).toMatch(CODE_RULE);
    expect(focusAreaCode('a'.repeat(200), (c) => c === code)).toMatch(CODE_RULE);
  });

  it('adds a number when the name is taken', () => {
    const taken = new Set(['FAdordt-west', 'FAdordt-west-2']);
    expect(focusAreaCode('Dordt West', (c) => taken.has(c))).toBe('FAdordt-west-3');
  });
});
