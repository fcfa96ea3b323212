import type { Kysely } from 'kysely';
import { withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { Profile } from '../contract.js';
import { escapeTextCell, toCsv, type CsvCell } from './export-csv.js';
import { toXlsx } from './export-xlsx.js';
import { getAreaProfile } from './profile.service.js';
import type { IndicatorDefinition } from './values.queries.js';

export const ATTRIBUTION = 'Bron: CBS, Kadaster';

export interface ProfileExport {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

/** The file is in Dutch, in the words of the profile page: no codes in a cell. */
type ProfileItem = Profile['items'][number];
const DIRECTION_WORDS: Record<ProfileItem['direction'], string> = { better: 'gunstiger', worse: 'ongunstiger', same: 'gelijk', not_applicable: 'niet van toepassing' };
const AGGREGATION_WORDS: Record<NonNullable<ProfileItem['aggregation']>, string> = { sum: 'opgeteld', weighted_mean: 'gewogen gemiddelde', none: 'niet optelbaar' };

function profileRows(profile: Profile, definitions: ReadonlyMap<string, IndicatorDefinition>): CsvCell[][] {
  const rows: CsvCell[][] = [
    [`${profile.area.name} (${profile.area.code})`, profile.period === null ? '' : `peiljaar ${profile.period}`],
    [ATTRIBUTION],
    ['indicator', 'naam', 'eenheid', 'waarde', 'gemeente', 'Nederland', 'index (gemeente = 100)', 'vergeleken met gemeente', 'geheim', 'aggregatie', 'toelichting'],
  ];
  for (const item of profile.items) {
    const definition = definitions.get(item.indicator);
    rows.push([
      item.indicator,
      definition?.name ?? item.indicator,
      definition?.unit ?? '',
      item.value,
      item.municipalityValue,
      item.nationalValue,
      item.index === null ? null : Math.round(item.index),
      DIRECTION_WORDS[item.direction],
      item.suppressed ? 'ja' : 'nee',
      item.aggregation ? AGGREGATION_WORDS[item.aggregation] : '',
      basisNote(item.basis),
    ]);
  }
  return rows;
}

/** The profile page's mark of a figure across a boundary change or on older boundaries, in words. */
function basisNote(basis: Profile['items'][number]['basis']): string {
  if (!basis) return '';
  return basis.kind === 'crosswalk' ? `omgerekend (grenswijziging ${basis.year})` : `op de grenzen van ${basis.year}`;
}

/** The area profile as CSV or XLSX; each export writes an audit row (SECURITY.md 17). */
export async function exportAreaProfile(db: Kysely<Database>, actor: Actor, code: string, period: number | undefined, format: 'csv' | 'xlsx'): Promise<ProfileExport> {
  const { profile, definitions } = await getAreaProfile(db, actor, code, period);
  const rows = profileRows(profile, definitions);
  const base = `profiel-${profile.area.code}-${profile.period ?? 'leeg'}`;
  const file: ProfileExport =
    format === 'csv'
      ? { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(rows) }
      : { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(profile.area.code, rows, escapeTextCell) };
  await db.transaction().execute((tx) =>
    withAudit(tx, actor, 'indicators.export', { type: 'area', id: profile.area.code }, { format, period: profile.period, rows: profile.items.length }),
  );
  return file;
}
