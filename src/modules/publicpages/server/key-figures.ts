import type { Kysely } from 'kysely';
import { getAreaProfile } from '../../indicators/index.js';
import type { Database } from '../../../platform/server/index.js';
import type { PublicKeyFigure } from '../contract.js';
import { PUBLIC_READER } from './public-reader.js';

/**
 * The key figures residents see of an area: a short fixed list that says something about living there, plus
 * the indicators the programme's goals for this area are measured by. Only those the area has data for.
 */
export const KEY_INDICATORS = [
  'inhabitants',
  'share_age_0_14',
  'share_age_65_plus',
  'share_one_person_households',
  'average_household_size',
  'share_social_housing',
  'average_woz_value',
  'average_income_per_inhabitant',
  'share_households_low_income',
  'net_labour_participation',
  'share_youth_care',
] as const;

/** At most this many years back: enough for a trend, bounded work per page. */
const MAX_YEARS = 10;

/** The key figures of an area per year against the municipality (index 100); suppressed values stay suppressed. */
export async function keyFiguresOf(db: Kysely<Database>, areaCode: string, goalIndicators: readonly string[]): Promise<PublicKeyFigure[]> {
  const wanted = [...new Set([...KEY_INDICATORS, ...goalIndicators])];
  const latest = await getAreaProfile(db, PUBLIC_READER, areaCode, undefined);
  const periods = latest.profile.periods.slice(-MAX_YEARS);
  const figures = new Map<string, PublicKeyFigure>();
  for (const period of periods) {
    const { profile, definitions } = period === latest.profile.period ? latest : await getAreaProfile(db, PUBLIC_READER, areaCode, period);
    for (const item of profile.items) {
      if (!wanted.includes(item.indicator)) continue;
      const definition = definitions.get(item.indicator);
      if (!definition) continue;
      const figure = figures.get(item.indicator) ?? { indicator: item.indicator, name: definition.name, unit: definition.unit, decimals: definition.decimals, polarity: definition.polarity, years: [] };
      // A suppressed value is null with `suppressed`: never worked back out, never shown as a number.
      figure.years.push({ period, value: item.suppressed ? null : item.value, municipalityValue: item.municipalityValue, index: item.suppressed ? null : item.index, suppressed: item.suppressed });
      figures.set(item.indicator, figure);
    }
  }
  return wanted.flatMap((code) => {
    const figure = figures.get(code);
    return figure ? [figure] : [];
  });
}
