import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../../platform/server/index.js';
import { findCrosswalkCodeFacts, replaceCrosswalkLinks } from './crosswalk-import.queries.js';
import { BadRows, levelOf, municipalityOf, parentOf, type CrosswalkLinkRecord } from './import-model.js';
import { ensureAreas } from './import.queries.js';

/**
 * Checks a parsed crosswalk against what is stored and writes it (inside the import's transaction). `year` is
 * the first year of the new division. An old code must have a version before that year. An old code that is
 * not also one of the new codes ends with the crosswalk, so it may not have a version or figures from that
 * year on (they would belong to an area that no longer exists). A new code that already existed before the
 * year must also be listed as an old code, or its own earlier territory would be lost from its series.
 * Every problem is reported with its line; nothing is written unless all pass.
 */
export async function applyCrosswalk(tx: Kysely<Database> | Transaction<Database>, links: readonly CrosswalkLinkRecord[], year: number, importId: string): Promise<Record<string, unknown>> {
  const fromCodes = new Set(links.map((l) => l.fromCode));
  const toCodes = new Set(links.map((l) => l.toCode));
  const facts = await findCrosswalkCodeFacts(tx, [...new Set([...fromCodes, ...toCodes])], year);
  const bad = new BadRows();
  const checked = new Set<string>();
  for (const link of links) {
    const from = facts.get(link.fromCode);
    if (!checked.has(`from|${link.fromCode}`)) {
      checked.add(`from|${link.fromCode}`);
      const at = `line ${link.line}, column from_code`;
      if (from === undefined || from.versionBefore === null) {
        bad.add(at, `${link.fromCode} has no version before ${year}: import the old division (boundaries or a KWB file) first`, 'crosswalk_conflict', { code: link.fromCode });
      } else if (!toCodes.has(link.fromCode) && from.versionFrom !== null) {
        bad.add(at, `${link.fromCode} has a version of ${from.versionFrom}, so it still exists from ${year} on: list it as a to_code too, with the share it keeps`, 'crosswalk_conflict', { code: link.fromCode });
      } else if (!toCodes.has(link.fromCode) && from.figuresFrom !== null) {
        bad.add(at, `${link.fromCode} has figures for ${from.figuresFrom}, which would belong to no area after this re-division: import them for its new codes, or list ${link.fromCode} as a to_code too`, 'crosswalk_conflict', { code: link.fromCode });
      }
    }
    const to = facts.get(link.toCode);
    if (!checked.has(`to|${link.toCode}`)) {
      checked.add(`to|${link.toCode}`);
      if (to !== undefined && to.versionBefore !== null && !fromCodes.has(link.toCode)) {
        bad.add(`line ${link.line}, column to_code`, `${link.toCode} already existed before ${year} (version of ${to.versionBefore}): list it as a from_code too, with the share of its own territory that it keeps`, 'crosswalk_conflict', { code: link.toCode });
      }
    }
  }
  bad.throwIfAny();

  // New codes (and their parents) are registered like an import registers areas; their versions come with
  // the new division's boundaries or figures, before or after the crosswalk.
  const areas = new Map<string, { code: string; level: string; municipalityCode: string }>();
  for (const code of toCodes) {
    for (let c: string | null = code; c && !areas.has(c); c = parentOf(c)) areas.set(c, { code: c, level: levelOf(c), municipalityCode: municipalityOf(c) });
  }
  await ensureAreas(tx, [...areas.values()].sort((a, b) => a.code.length - b.code.length));
  await replaceCrosswalkLinks(tx, year, links, importId);
  const ended = [...fromCodes].filter((c) => !toCodes.has(c)).sort();
  return { year, links: links.length, oldCodes: fromCodes.size, newCodes: toCodes.size, endedCodes: ended, continuingCodes: [...fromCodes].filter((c) => toCodes.has(c)).sort() };
}
