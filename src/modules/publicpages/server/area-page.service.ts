import type { Kysely } from 'kysely';
import { findAreaForFigures, findAreaNames } from '../../areas/index.js';
import { programmeMoneyForReport } from '../../finance/index.js';
import { listPublicDecisions } from '../../meetings/index.js';
import { getPublishedProgramme, listPublishedProgrammes, type PublishedProgramme } from '../../programmes/index.js';
import { AppError, notFound, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { FIGURES_LICENCE, type PublicArea, type PublicAreaList, type PublicAreaPage, type PublicFigures, type PublicMoneyYear, type PublicProgramme } from '../contract.js';
import { keyFiguresOf } from './key-figures.js';
import { PUBLIC_READER } from './public-reader.js';

/**
 * What a resident sees of an area (docs/publicpages.md): only areas of a published programme, and of those
 * programmes only what the programmes, meetings, finance and indicators modules hand out for the public.
 * No signals, cases, persons or addresses: none of those modules' public functions carry them.
 */

/** How many years of money the page shows: this year and the three before, those with any money. */
const MONEY_YEARS = 4;

const areaNotFound = () => notFound('Public area', 'public.area_not_found');

async function describeArea(db: Kysely<Database>, code: string): Promise<PublicArea> {
  try {
    const area = await findAreaForFigures(db, PUBLIC_READER, code);
    const names = await findAreaNames(db, [area.municipalityCode]);
    return { code: area.code, name: area.name, level: area.level, municipalityCode: area.municipalityCode, municipalityName: names.get(area.municipalityCode) ?? null };
  } catch (error) {
    // An area the register does not know is not a public area either.
    if (error instanceof AppError && error.status === 404) throw areaNotFound();
    throw error;
  }
}

/** Every area of a published programme, with those programmes; by name. */
export async function listPublicAreas(db: Kysely<Database>): Promise<PublicAreaList> {
  const programmes = await listPublishedProgrammes(db);
  const byArea = new Map<string, { id: string; name: string }[]>();
  for (const p of programmes) for (const code of p.areaCodes) byArea.set(code, [...(byArea.get(code) ?? []), { id: p.id, name: p.name }]);
  const items = [];
  for (const [code, list] of byArea) {
    const area = await describeArea(db, code).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
    // A programme may name an area that was removed since (a focus area): nothing to show for it.
    if (area) items.push({ code, name: area.name, level: area.level, municipalityName: area.municipalityName, programmes: list });
  }
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'nl')) };
}

async function publishedProgrammesOf(db: Kysely<Database>, code: string, now: Date): Promise<PublishedProgramme[]> {
  const refs = (await listPublishedProgrammes(db)).filter((p) => p.areaCodes.includes(code));
  if (refs.length === 0) throw areaNotFound();
  const out: PublishedProgramme[] = [];
  for (const ref of refs) {
    const programme = await getPublishedProgramme(db, ref.id, now);
    if (programme) out.push(programme);
  }
  return out;
}

async function moneyOf(db: Kysely<Database>, programmeId: string, today: string): Promise<PublicMoneyYear[]> {
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: MONEY_YEARS }, (_, i) => thisYear - MONEY_YEARS + 1 + i);
  const { budgets } = await programmeMoneyForReport(db, PUBLIC_READER, programmeId, years, today);
  return budgets
    .filter((b) => b.totals.budgetCents !== 0 || b.totals.spentCents !== 0)
    .map((b) => ({
      year: b.year,
      totals: { budgetCents: b.totals.budgetCents, spentCents: b.totals.spentCents },
      pillars: b.pillars.map((p) => ({ id: p.id, name: p.name, budgetCents: p.budgetCents, spentCents: p.spentCents })),
    }));
}

async function toPublicProgramme(db: Kysely<Database>, programme: PublishedProgramme, now: Date): Promise<PublicProgramme> {
  const today = calendarDayOf(now);
  const decisions = await listPublicDecisions(
    db,
    { municipalityCode: programme.municipalityCode, areaCodes: programme.areaCodes, programmeId: programme.id, goalIds: programme.goals.map((g) => g.id), activityIds: programme.activities.map((a) => a.id) },
    now,
  );
  return {
    id: programme.id,
    name: programme.name,
    ambition: programme.ambition,
    publishedAt: programme.publishedAt,
    pillars: programme.pillars,
    strategicGoals: programme.strategicGoals,
    goals: programme.goals.map(({ indicator: _indicator, area: _area, ...goal }) => goal),
    activities: programme.activities,
    money: await moneyOf(db, programme.id, today),
    decisions,
  };
}

/** The whole public page of an area; 404 when no published programme covers it. */
export async function buildAreaPage(db: Kysely<Database>, code: string, now: Date): Promise<PublicAreaPage> {
  const programmes = await publishedProgrammesOf(db, code, now);
  const area = await describeArea(db, code);
  const goalIndicators = programmes.flatMap((p) => p.goals.filter((g) => g.area === code).map((g) => g.indicator));
  const items = await keyFiguresOf(db, code, goalIndicators);
  const shown = [];
  for (const programme of programmes) shown.push(await toPublicProgramme(db, programme, now));
  return { area, programmes: shown, figures: { licence: FIGURES_LICENCE, items } };
}

/** The open-data figures of an area (the same key figures as the page); 404 when it is not a public area. */
export async function buildAreaFigures(db: Kysely<Database>, code: string, now: Date): Promise<PublicFigures> {
  const programmes = await publishedProgrammesOf(db, code, now);
  const area = await describeArea(db, code);
  const goalIndicators = programmes.flatMap((p) => p.goals.filter((g) => g.area === code).map((g) => g.indicator));
  return { area, licence: FIGURES_LICENCE, items: await keyFiguresOf(db, code, goalIndicators) };
}
