import type { Kysely } from 'kysely';
import { invalid, notFound, type Actor, type Database } from '../../../platform/server/index.js';
import { findAreaForFigures, findChildAreasOf, type FigureArea } from '../../areas/index.js';
import type { Profile, ProfileItem, Series } from '../contract.js';
import { AcrossDivisions, type AcrossOptions } from './across-divisions.js';
import { computeFigures } from './figures.service.js';
import { directionAgainstMunicipality, indexAgainstMunicipality } from './profile-index.js';
import { findIndicatorDefinitions, findYearsOfAreas, type IndicatorDefinition } from './values.queries.js';
import { valuesDb } from './values.tables.js';

/** Years with figures, own or carried across a re-division into the area's territory. */
function yearsWithValues(area: FigureArea, own: readonly number[], across: AcrossDivisions): number[] {
  const carried = (area.members ?? [area.code]).flatMap((code) => across.years(code));
  return [...new Set([...own, ...carried])].sort((a, b) => a - b);
}

/** The catalogue, the area's re-divisions and its own years, read side by side. */
async function readAround(db: Kysely<Database>, area: FigureArea, options: AcrossOptions = {}) {
  const definitionsRead = findIndicatorDefinitions(valuesDb(db));
  const [definitions, across, own] = await Promise.all([definitionsRead, AcrossDivisions.around(db, area, definitionsRead, options), ownYearsWithValues(db, area)]);
  return { definitions, across, periods: yearsWithValues(area, own, across) };
}

async function ownYearsWithValues(db: Kysely<Database>, area: FigureArea): Promise<number[]> {
  const vdb = valuesDb(db);
  if (area.members === null) return findYearsOfAreas(vdb, [area.code]);
  const direct = await findYearsOfAreas(vdb, area.members);
  if (direct.length) return direct;
  // Wijk members without own figures: the years their buurten have (as of the newest boundaries).
  const latest = await findYearsOfAreas(vdb, [area.municipalityCode]);
  const year = latest[latest.length - 1];
  if (year === undefined) return [];
  const children = await findChildAreasOf(db, area.members, year);
  return findYearsOfAreas(vdb, children.map((c) => c.code));
}

function toProfileItem(definition: IndicatorDefinition, figure: Awaited<ReturnType<typeof computeFigures>>[number]): ProfileItem {
  const item: ProfileItem = {
    indicator: figure.indicator,
    value: figure.value,
    municipalityValue: figure.municipalityValue,
    nationalValue: figure.nationalValue,
    index: indexAgainstMunicipality({ value: figure.value, municipalityValue: figure.municipalityValue, aggregation: definition.aggregation, unit: definition.unit }),
    direction: directionAgainstMunicipality(figure.value, figure.municipalityValue, definition.polarity, definition.decimals, definition.aggregation),
    suppressed: figure.suppressed,
  };
  if (figure.aggregation !== undefined) item.aggregation = figure.aggregation;
  if (figure.missingMembers !== undefined) item.missingMembers = figure.missingMembers;
  if (figure.basis) item.basis = figure.basis;
  return item;
}

export interface ProfileWithDefinitions {
  profile: Profile;
  definitions: ReadonlyMap<string, IndicatorDefinition>;
}

/** Every indicator with data for the area that year, against the municipality and the country. */
export async function getAreaProfile(db: Kysely<Database>, actor: Actor, code: string, period: number | undefined): Promise<ProfileWithDefinitions> {
  const area = await findAreaForFigures(db, actor, code);
  const { definitions, across, periods } = await readAround(db, area);
  const catalogue = new Map(definitions.map((d) => [d.code, d]));
  const year = period ?? periods[periods.length - 1] ?? null;
  const summary = { code: area.code, name: area.name, level: area.level, parentCode: area.parentCode, municipalityCode: area.municipalityCode };
  if (year === null) return { profile: { area: summary, period: null, periods, items: [] }, definitions: catalogue };
  const figures = await computeFigures(db, area, year, definitions, catalogue, { across });
  const items = figures.filter((f) => f.present).map((f) => toProfileItem(catalogue.get(f.indicator) as IndicatorDefinition, f));
  return { profile: { area: summary, period: year, periods, items }, definitions: catalogue };
}

/**
 * One indicator of an area over every year it has, with the municipality and national references. Years
 * across a re-division are carried into the area's territory (its current one, or with `territoryYear` the
 * one it had then: a goal's baseline year) and marked, as are years on older boundaries.
 */
export async function getAreaSeries(db: Kysely<Database>, actor: Actor, code: string, indicator: string, options: AcrossOptions = {}): Promise<Series> {
  const area = await findAreaForFigures(db, actor, code);
  const { definitions, across, periods } = await readAround(db, area, options);
  const catalogue = new Map(definitions.map((d) => [d.code, d]));
  const definition = catalogue.get(indicator);
  if (!definition) throw notFound('Indicator', 'indicator.not_found');
  if (periods.length > 50) throw invalid('series.too_long', 'More than 50 years of data');
  const items = [];
  for (const year of periods) {
    const [figure] = await computeFigures(db, area, year, [definition], catalogue, { across });
    if (!figure?.present) continue;
    items.push({
      period: year,
      value: figure.value,
      municipalityValue: figure.municipalityValue,
      municipalitySource: figure.municipalitySource,
      nationalValue: figure.nationalValue,
      ...(figure.basis ? { basis: figure.basis } : {}),
    });
  }
  return { area: area.code, indicator, items };
}
