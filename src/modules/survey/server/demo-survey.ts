import type { Kysely } from 'kysely';
import { findChildAreasOf } from '../../areas/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { SYSTEM_ACTOR, type Database } from '../../../platform/server/index.js';
import type { QuestionInput } from '../contract.js';
import { findSurveys } from './survey.queries.js';
import { createSurvey } from './survey.service.js';
import { surveyDb } from './survey.tables.js';

/**
 * The standard questions: the Veiligheidsmonitor's ratings of the neighbourhood (1–10) and its question
 * whether the neighbourhood went forward or back in the past year, in its wording addressed with "je"
 * (docs/survey.md names the source), a single-choice question on feeling unsafe, and an open question.
 */
export const STANDARD_QUESTIONS: QuestionInput[] = [
  { key: 'woonomgeving', kind: 'rating', textNl: 'Welk rapportcijfer geef je je woonomgeving?', textEn: 'What mark would you give the area where you live?' },
  { key: 'leefbaarheid', kind: 'rating', textNl: 'Welk rapportcijfer geef je de leefbaarheid in je buurt?', textEn: 'What mark would you give how pleasant it is to live in your neighbourhood?' },
  { key: 'veiligheid', kind: 'rating', textNl: 'Welk rapportcijfer geef je de veiligheid in je buurt?', textEn: 'What mark would you give the safety of your neighbourhood?' },
  { key: 'ontwikkeling', kind: 'trend', textNl: 'Is je buurt het afgelopen jaar beter geworden, hetzelfde gebleven of slechter geworden?', textEn: 'Has your neighbourhood become better, stayed the same or become worse over the past year?' },
  {
    key: 'onveilig',
    kind: 'choice',
    textNl: 'Voel je je weleens onveilig in je eigen buurt?',
    textEn: 'Do you ever feel unsafe in your own neighbourhood?',
    options: [
      { key: 'vaak', nl: 'Vaak', en: 'Often' },
      { key: 'soms', nl: 'Soms', en: 'Sometimes' },
      { key: 'nooit', nl: '(Bijna) nooit', en: '(Almost) never' },
    ],
  },
  { key: 'opmerking', kind: 'open', textNl: 'Wil je nog iets kwijt over je buurt?', textEn: 'Is there anything else you would like to say about your neighbourhood?' },
];

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
