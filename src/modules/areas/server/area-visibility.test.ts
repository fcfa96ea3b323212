import { describe, expect, it } from 'vitest';
import { canSeeFocusArea } from './area-visibility.js';

describe('canSeeFocusArea', () => {
  const focus = { code: 'FAdordt-west', municipalityCode: 'GM0505' };
  it.each([
    [[], true],
    [['GM0505'], true],
    [['FAdordt-west'], true],
    [['GM0355'], false],
    [['WK050503'], false],
  ])('scopes %j → %s', (scopes, expected) => {
    expect(canSeeFocusArea(scopes, focus)).toBe(expected);
  });
});
