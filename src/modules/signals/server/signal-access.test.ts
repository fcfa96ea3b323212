import { describe, expect, it } from 'vitest';
import type { VisibilityFilter } from './need-to-know.js';
import { distinctAccessKeys, maySeeAllSignals, type SignalAccessKey } from './signal-access.js';

const key = (over: Partial<SignalAccessKey> = {}): SignalAccessKey => ({
  registeredBy: 'user-1',
  sourceOrganisationId: 'org-politie',
  category: 'woonoverlast',
  legalRegime: 'municipal-task',
  confidentiality: 'restricted',
  municipalityCode: 'GM0505',
  areaCode: 'BU05050305',
  wijkCode: 'WK050503',
  ...over,
});
const partner: VisibilityFilter = {
  userId: 'user-2',
  organisationId: 'org-corporatie',
  categories: ['woonoverlast'],
  regimes: ['municipal-task'],
  levels: ['internal', 'restricted'],
  areaScopes: null,
};

describe('stored signal access', () => {
  it('keeps each combination of need-to-know facts once, in a stable order', () => {
    const keys = distinctAccessKeys([key({ areaCode: 'BU05050306' }), key(), key(), key({ areaCode: 'BU05050306' })]);
    expect(keys).toEqual(distinctAccessKeys([key(), key({ areaCode: 'BU05050306' })]));
    expect(keys).toHaveLength(2);
  });

  it.each([
    ['every signal visible', [key(), key({ confidentiality: 'internal' })], true],
    ['one signal above the clearance', [key(), key({ confidentiality: 'confidential' })], false],
    ['one signal of a category the partner may not read', [key(), key({ category: 'ondermijning', legalRegime: 'wgs-riec' })], false],
    ['nothing stored', null, false],
    ['an empty list', [], false],
    ['not a list', { ...key() }, false],
    ['a malformed key', [key(), { ...key(), confidentiality: 'secret' }], false],
    ['a key with a missing field', [{ ...key(), category: undefined }], false],
  ] as const)('%s → %s', (_name, stored, expected) => {
    expect(maySeeAllSignals(partner, stored)).toBe(expected);
  });

  it('follows the area scope', () => {
    expect(maySeeAllSignals({ ...partner, areaScopes: ['WK050503'] }, [key()])).toBe(true);
    expect(maySeeAllSignals({ ...partner, areaScopes: ['WK050511'] }, [key()])).toBe(false);
  });
});
