import { describe, expect, it } from 'vitest';
import type { Role } from '../../../platform/server/index.js';
import { canChangeActivityStatus, canEditActivity, canReportProgress, canSeeActivity, type ActivityAccessFacts } from './activity-access.js';

const POLICE = 'org-police';
const HOUSING = 'org-housing';
const WELFARE = 'org-welfare';
const CITY = 'org-city';

const activity: ActivityAccessFacts = { municipalityCode: 'GM0505', ownerOrganisationId: POLICE, partnerOrganisationIds: [CITY, WELFARE], areaCodes: ['WK050508'] };
const actor = (roles: Role[], organisationId: string, areaScopes: string[] = []) => ({ roles, organisationId, areaScopes });

// who, see, edit, change status, report progress
const MATRIX: [string, ReturnType<typeof actor>, boolean, boolean, boolean, boolean][] = [
  ['programme manager', actor(['programme_manager'], CITY), true, true, true, true],
  ['owning partner (police)', actor(['partner'], POLICE), true, false, true, true],
  ['partner organisation (welfare)', actor(['partner'], WELFARE), true, false, false, true],
  ['uninvolved partner (housing)', actor(['partner'], HOUSING), false, false, false, false],
  ['administrator', actor(['administrator'], CITY), true, false, false, false],
  ['analyst', actor(['analyst'], CITY), true, false, false, false],
  ['finance', actor(['finance'], CITY), true, false, false, false],
  ['viewer (council)', actor(['viewer'], CITY), true, false, false, false],
  ['programme manager scoped to Dordrecht', actor(['programme_manager'], CITY, ['GM0505']), true, true, true, true],
  ['programme manager scoped to the wijk', actor(['programme_manager'], CITY, ['WK050508']), true, true, true, true],
  ['programme manager scoped elsewhere', actor(['programme_manager'], CITY, ['GM0014']), false, false, false, false],
  ['owning partner scoped elsewhere', actor(['partner'], POLICE, ['GM0014']), false, false, false, false],
  ['no role', actor([], POLICE), false, false, false, false],
];

describe('activity permissions', () => {
  it.each(MATRIX)('%s: see %s, edit %s, status %s, progress %s', (_who, who, see, edit, status, progress) => {
    expect(canSeeActivity(who, activity)).toBe(see);
    expect(canEditActivity(who, activity)).toBe(edit);
    expect(canChangeActivityStatus(who, activity)).toBe(status);
    expect(canReportProgress(who, activity)).toBe(progress);
  });
});
