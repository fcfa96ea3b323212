import { describe, expect, it } from 'vitest';
import type { Role } from '../../../platform/server/index.js';
import { clearanceOf, isVisible, visibilityFilter, type TaxonomyAccess } from './need-to-know.js';

const taxonomy: TaxonomyAccess = {
  categories: [
    { code: 'ondermijning', reader_kinds: ['gemeente', 'politie'] },
    { code: 'verloedering', reader_kinds: ['gemeente', 'politie', 'woningcorporatie'] },
  ],
  regimes: [
    { code: 'wgs-riec', partner_kinds: ['gemeente', 'politie'] },
    { code: 'municipal-task', partner_kinds: ['gemeente', 'politie', 'woningcorporatie'] },
  ],
};
const actor = (kind: string, roles: Role[], areaScopes: string[] = [], org = `org-${kind}`) => ({ userId: `user-${kind}`, organisationId: org, organisationKind: kind, roles, areaScopes });
const record = (over: Partial<Parameters<typeof isVisible>[1]> = {}) => ({
  registeredBy: 'someone',
  sourceOrganisationId: 'org-politie',
  category: 'ondermijning',
  legalRegime: 'wgs-riec',
  confidentiality: 'restricted',
  municipalityCode: 'GM0505',
  areaCode: 'BU05050305',
  wijkCode: 'WK050503',
  ...over,
});

describe('need-to-know', () => {
  it.each([
    ['gemeente programme manager reads restricted ondermijning', actor('gemeente', ['programme_manager']), record(), true],
    ['analyst clearance stops at internal', actor('gemeente', ['analyst']), record(), false],
    ['housing corporation is no RIEC partner', actor('woningcorporatie', ['partner']), record(), false],
    ['housing corporation reads internal verloedering', actor('woningcorporatie', ['partner']), record({ category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal' }), true],
    ['confidential needs a case officer', actor('gemeente', ['programme_manager']), record({ confidentiality: 'confidential' }), false],
    ['case officer reads confidential', actor('gemeente', ['case_officer']), record({ confidentiality: 'confidential' }), true],
    ['own organisation within clearance', actor('politie', ['partner']), record(), true],
    ['own organisation above clearance', actor('politie', ['partner']), record({ confidentiality: 'confidential' }), false],
    ['own registration always', { ...actor('politie', ['partner']), userId: 'someone' }, record({ confidentiality: 'confidential' }), true],
    ['area scope on the wijk', actor('gemeente', ['programme_manager'], ['WK050503']), record(), true],
    ['area scope elsewhere', actor('gemeente', ['programme_manager'], ['WK050401']), record(), false],
    ['area scope limits the own organisation too', actor('politie', ['partner'], ['WK050401']), record(), false],
    ['own organisation inside the area scope', actor('politie', ['partner'], ['BU05050305']), record(), true],
    ['own registration outside the area scope', { ...actor('politie', ['partner'], ['WK050401']), userId: 'someone' }, record(), true],
    ['role without clearance', actor('gemeente', ['finance']), record({ category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal' }), false],
  ] as const)('%s', (_name, who, rec, expected) => {
    expect(isVisible(visibilityFilter(who, taxonomy), rec)).toBe(expected);
  });

  it('takes the highest clearance of several roles', () => {
    expect(clearanceOf(['analyst', 'case_officer'])).toBe('confidential');
    expect(clearanceOf(['administrator', 'finance', 'viewer'])).toBeNull();
  });
});
