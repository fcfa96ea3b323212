import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { getAreaProfile } from '../../indicators/index.js';
import type { ProfileItem } from '../../indicators/contract.js';
import { listActivityDetailsForReport, listGoalsWithStatus, listProgrammeIdsOfArea, type ActivityDetail, type GoalStatus } from '../../programmes/index.js';
import type { NewsletterDraft } from '../contract.js';
import { findNewsletterArea } from './newsletter-areas.js';
import { countConfirmedSubscribers, findLastSentAt } from './newsletter.queries.js';
import { newsletterDb } from './newsletter.tables.js';

/**
 * The draft a programme manager starts from: what the programmes covering the area finished since the last
 * newsletter, what starts in the coming months, how the goals stand, and a few key figures against the city.
 * Only names, organisations, dates and statuses: never an activity's progress notes, meeting decisions,
 * signals, cases, persons or addresses (those are not even read here).
 */

/** "Coming months": activities starting within this many days of today. */
export const AHEAD_DAYS = 92;
/** The first newsletter of an area looks back this far for finished activities. */
export const FIRST_LOOKBACK_DAYS = 92;
/** Key figures shown when the area has them (not suppressed, with a city value to compare with). */
export const MAX_FIGURES = 5;
export const KEY_FIGURES = ['average_standardised_household_income', 'share_households_low_income', 'share_owner_occupied', 'share_one_person_households', 'average_woz_value'] as const;

const GOAL_WORDS: Record<GoalStatus, string> = {
  on_track: 'op koers',
  at_risk: 'vraagt aandacht',
  off_track: 'loopt achter',
  no_data: 'nog niet gemeten',
};

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export function dutchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** When the activity was marked done (the latest change to done), as a Dutch day. */
function doneOn(activity: ActivityDetail): string | null {
  const change = [...activity.statusHistory].reverse().find((c) => c.to === 'done');
  return change ? calendarDayOf(change.changedAt) : null;
}

function formatIndex(value: number): string {
  return String(Math.round(value));
}

/** Figures of the area that can be compared with the city: shown, not suppressed, with an index. */
const comparableItems = (items: ProfileItem[]) => items.filter((i) => !i.suppressed && i.value !== null && i.index !== null);
const keyCount = (items: ProfileItem[]) => items.filter((i) => (KEY_FIGURES as readonly string[]).includes(i.indicator)).length;

/**
 * Up to MAX_FIGURES lines "name: index". The newest year that has more of the key figures wins (CBS publishes
 * incomes later than the population, so the newest year may lack them); within it the key figures come first
 * and other comparable figures fill up. None when the area has no figures.
 */
async function keyFigures(db: Kysely<Database>, actor: Actor, areaCode: string): Promise<{ figures: string[]; figureYear: number | null }> {
  let newest;
  try {
    newest = await getAreaProfile(db, actor, areaCode, undefined);
  } catch {
    // No figures for this area (none imported): the section says so rather than failing the draft.
    return { figures: [], figureYear: null };
  }
  let best = { profile: newest.profile, items: comparableItems(newest.profile.items) };
  for (const period of [...newest.profile.periods].reverse()) {
    if (period === newest.profile.period || keyCount(best.items) >= KEY_FIGURES.length) continue;
    const { profile } = await getAreaProfile(db, actor, areaCode, period);
    const items = comparableItems(profile.items);
    if (keyCount(items) > keyCount(best.items)) best = { profile, items };
  }
  const isKey = (code: string) => (KEY_FIGURES as readonly string[]).includes(code);
  const ordered = [...KEY_FIGURES.flatMap((code) => best.items.filter((i) => i.indicator === code)), ...best.items.filter((i) => !isKey(i.indicator))];
  const figures = ordered.slice(0, MAX_FIGURES).map((item) => `- ${newest.definitions.get(item.indicator)?.name ?? item.indicator}: ${formatIndex(item.index ?? 0)}`);
  return { figures, figureYear: figures.length ? best.profile.period : null };
}

export async function buildDraft(db: Kysely<Database>, actor: Actor, areaCode: string, now: Date): Promise<NewsletterDraft> {
  const area = await findNewsletterArea(db, areaCode);
  const ndb = newsletterDb(db);
  const lastSent = await findLastSentAt(ndb, area.code);
  const today = calendarDayOf(now);
  const since = lastSent ? calendarDayOf(lastSent) : addDays(today, -FIRST_LOOKBACK_DAYS);
  const ahead = addDays(today, AHEAD_DAYS);

  const finished: string[] = [];
  const starting: string[] = [];
  const goals: string[] = [];
  for (const programmeId of await listProgrammeIdsOfArea(db, area.code)) {
    for (const activity of await listActivityDetailsForReport(db, actor, programmeId, now)) {
      const owner = activity.owner.organisationName;
      const done = activity.status === 'done' ? doneOn(activity) : null;
      if (done && done >= since) finished.push(`- ${activity.name} (${owner}) is afgerond.`);
      if (activity.status !== 'done' && activity.status !== 'stopped' && activity.start > today && activity.start <= ahead) {
        starting.push(`- Vanaf ${dutchDate(activity.start)}: ${activity.name} (${owner}).`);
      }
    }
    for (const goal of await listGoalsWithStatus(db, actor, programmeId)) goals.push(`- ${goal.name}: ${GOAL_WORDS[goal.status]}.`);
  }

  const { figures, figureYear } = await keyFigures(db, actor, area.code);

  const sections = [
    `Dit is de nieuwsbrief over ${area.name}. Hierin lees je wat er in de wijk gebeurd is, wat eraan komt en hoe het gaat met de doelen.`,
    'Wat er is gebeurd',
    finished.length ? finished.join('\n') : lastSent ? 'Sinds de vorige nieuwsbrief is er geen activiteit afgerond.' : 'De afgelopen maanden is er geen activiteit afgerond.',
    'Wat eraan komt',
    starting.length ? starting.join('\n') : 'In de komende drie maanden begint er geen nieuwe activiteit.',
    'Hoe staan de doelen ervoor',
    goals.length ? goals.join('\n') : 'Er zijn nog geen doelen vastgelegd.',
    `Cijfers van ${area.name}`,
    figures.length
      ? [`Zo staat ${area.name} ervoor vergeleken met de hele gemeente. De gemeente is 100: een getal boven 100 is meer dan gemiddeld, onder 100 minder.`, figures.join('\n'), `Bron: CBS${figureYear ? `, ${figureYear}` : ''}.`].join('\n\n')
      : 'Er zijn nog geen cijfers om te laten zien.',
  ];
  const [year, month] = today.split('-').map(Number);
  return {
    areaCode: area.code,
    areaName: area.name,
    title: `Nieuwsbrief ${area.name}, ${MONTHS[(month ?? 1) - 1]} ${year}`,
    body: sections.join('\n\n'),
    since: lastSent ? calendarDayOf(lastSent) : null,
    subscriberCount: await countConfirmedSubscribers(ndb, area.code),
  };
}
