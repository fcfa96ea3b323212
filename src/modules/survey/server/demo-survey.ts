import type { Kysely } from 'kysely';
import { findChildAreasOf } from '../../areas/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { SYSTEM_ACTOR, type Database } from '../../../platform/server/index.js';
import { STANDARD_QUESTIONS } from '../contract.js';
import { findSurveys } from './survey.queries.js';
import { createSurvey } from './survey.service.js';
import { surveyDb } from './survey.tables.js';

/** A calendar day (YYYY-MM-DD) moved by whole days. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Dordt West: the wijken Oud Krispijn, Nieuw-Krispijn, Wielwijk and Crabbehof/Zuidhoven of Dordrecht. */
const DORDT_WEST_WIJKEN = ['WK050503', 'WK050504', 'WK050507', 'WK050508'];

/**
 * One survey for Dordrecht over the buurten of Dordt West, open from two weeks before the day the demo was
 * first seeded to six weeks after, without answers (nobody answered it). Skipped when the areas are missing.
 */
export async function seedDemoSurvey(db: Kysely<Database>): Promise<void> {
  const today = calendarDayOf(new Date());
  const year = Number(today.slice(0, 4));
  if ((await findSurveys(surveyDb(db))).some((s) => s.municipality_code === 'GM0505')) return;
  const buurten = (await findChildAreasOf(db, DORDT_WEST_WIJKEN, year)).filter((a) => a.level === 'buurt').map((a) => a.code).sort();
  if (buurten.length === 0) return;
  await createSurvey(
    db,
    SYSTEM_ACTOR,
    {
      municipalityCode: 'GM0505',
      title: `Bewonersenquête Dordt West ${year}`,
      year,
      opensOn: addDays(today, -14),
      closesOn: addDays(today, 42),
      buurtCodes: buurten,
      questions: STANDARD_QUESTIONS,
    },
    new Date(),
  );
}
