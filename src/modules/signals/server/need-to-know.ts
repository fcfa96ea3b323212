import type { Actor, Role } from '../../../platform/server/index.js';
import { CONFIDENTIALITY_LEVELS, type Confidentiality } from '../contract.js';

/**
 * Need-to-know as data (docs/signals.md has the same table). A holder of `signals.read` sees a signal they
 * registered themselves, and otherwise only when ALL of these hold:
 *  - their clearance covers its confidentiality level (CLEARANCE below, by role);
 *  - the signal lies in one of their area scopes (buurt, wijk or gemeente code), or they have none. The
 *    scope limits the own organisation's signals too (least privilege: a scope is given to narrow what a
 *    user sees, and a police officer of one wijk has no need for the whole force's signals elsewhere);
 *  - their organisation is its source, or their organisation kind is a partner of the signal's legal
 *    regime (signal_legal_regimes.partner_kinds) and may read its category (signal_categories.reader_kinds).
 * The same rule serves lists, detail, counts, map points, exports and cases: it is one SQL filter.
 */

/** The highest confidentiality level a role may read; roles not listed read no other organisation's signals. */
export const CLEARANCE: Partial<Record<Role, Confidentiality>> = {
  case_officer: 'confidential',
  programme_manager: 'restricted',
  partner: 'restricted',
  analyst: 'internal',
};

export interface TaxonomyAccess {
  categories: { code: string; reader_kinds: string[] }[];
  regimes: { code: string; partner_kinds: string[] }[];
}

export interface VisibilityFilter {
  userId: string;
  organisationId: string;
  /** Empty: nothing beyond the own organisation's signals. */
  categories: string[];
  regimes: string[];
  levels: Confidentiality[];
  /** Null: no area limit. */
  areaScopes: string[] | null;
}

export function clearanceOf(roles: readonly Role[]): Confidentiality | null {
  let best = -1;
  for (const role of roles) {
    const level = CLEARANCE[role];
    if (level) best = Math.max(best, CONFIDENTIALITY_LEVELS.indexOf(level));
  }
  return best < 0 ? null : (CONFIDENTIALITY_LEVELS[best] ?? null);
}

export function visibilityFilter(actor: Pick<Actor, 'userId' | 'organisationId' | 'organisationKind' | 'roles' | 'areaScopes'>, taxonomy: TaxonomyAccess): VisibilityFilter {
  const clearance = clearanceOf(actor.roles);
  const levels = clearance ? CONFIDENTIALITY_LEVELS.slice(0, CONFIDENTIALITY_LEVELS.indexOf(clearance) + 1) : [];
  const none = levels.length === 0;
  return {
    userId: actor.userId,
    organisationId: actor.organisationId,
    categories: none ? [] : taxonomy.categories.filter((c) => c.reader_kinds.includes(actor.organisationKind)).map((c) => c.code),
    regimes: none ? [] : taxonomy.regimes.filter((r) => r.partner_kinds.includes(actor.organisationKind)).map((r) => r.code),
    levels: [...levels],
    areaScopes: actor.areaScopes.length ? [...actor.areaScopes] : null,
  };
}

export interface VisibleRecordFacts {
  registeredBy: string | null;
  sourceOrganisationId: string;
  category: string;
  legalRegime: string;
  confidentiality: string;
  municipalityCode: string;
  areaCode: string;
  wijkCode: string | null;
}

/** The same rule in TypeScript, for a record already in hand (and for the table-driven unit test). */
export function isVisible(filter: VisibilityFilter, record: VisibleRecordFacts): boolean {
  if (record.registeredBy !== null && record.registeredBy === filter.userId) return true;
  if (!(filter.levels as string[]).includes(record.confidentiality)) return false;
  const scopes = filter.areaScopes;
  if (scopes !== null && ![record.municipalityCode, record.areaCode, record.wijkCode].some((code) => code !== null && scopes.includes(code))) return false;
  if (record.sourceOrganisationId === filter.organisationId) return true;
  return filter.categories.includes(record.category) && filter.regimes.includes(record.legalRegime);
}
