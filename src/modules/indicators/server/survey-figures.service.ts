import { sql, type Kysely, type Transaction } from 'kysely';
import { invalid, type Database } from '../../../platform/server/index.js';
import type { IndicatorTables } from './indicator-tables.js';
import { RECORDED, SUPPRESSED } from './import/figure-rows.js';
import { findValidAreaVersions } from './import/import.queries.js';

/**
 * Figures another module computes itself — the resident survey's results (docs/survey.md) — written as
 * indicator values like an import's, so they appear on the map and in area profiles. Their catalogue entries
 * carry the module's own source text; their codes start with `enq_`, so they can never overwrite a CBS
 * indicator. Runs in the caller's transaction (the caller writes the audit row).
 */

export interface OwnIndicator {
  code: string;
  name: string;
  unit: string;
  definition: string;
  /** E.g. "Bewonersenquête Dordrecht 2026". */
  source: string;
  polarity: 'higher_is_better' | 'lower_is_better' | 'neutral';
  decimals: number;
}

export interface OwnFigure {
  areaCode: string;
  indicatorCode: string;
  /** Null with `suppressed`: withheld for small numbers. Null without: no value. */
  value: number | null;
  suppressed: boolean;
}

export const SURVEY_INDICATOR_PREFIX = 'enq_';
const SURVEY_THEME = 'bewonersenquête';

type Db = Kysely<Database> | Transaction<Database>;

export async function writeSurveyFigures(db: Db, input: { year: number; indicators: readonly OwnIndicator[]; figures: readonly OwnFigure[] }): Promise<{ values: number; suppressed: number }> {
  const tables = db.withTables<IndicatorTables>();
  const foreign = input.indicators.filter((i) => !i.code.startsWith(SURVEY_INDICATOR_PREFIX));
  if (foreign.length) throw invalid('indicator.not_a_survey_indicator', `survey indicator codes start with ${SURVEY_INDICATOR_PREFIX}: ${foreign.map((i) => i.code).join(', ')}`);
  for (const indicator of input.indicators) {
    const row = { name: indicator.name, theme: SURVEY_THEME, unit: indicator.unit, definition: indicator.definition, source: indicator.source, polarity: indicator.polarity, aggregation: 'none', decimals: indicator.decimals };
    await tables
      .insertInto('indicators')
      .values({ code: indicator.code, ...row, weight_indicator: null, suppress_below: null, cbs_key: null })
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }
  const catalogue = await tables.selectFrom('indicators').select(['code', 'slot']).where('code', 'in', input.indicators.map((i) => i.code)).execute();
  const slotOf = new Map(catalogue.map((c) => [c.code, c.slot]));
  const areaCodes = [...new Set(input.figures.map((f) => f.areaCode))];
  const { found } = await findValidAreaVersions(db, areaCodes.map((areaCode) => ({ areaCode, year: input.year })));
  const unknown = areaCodes.filter((code) => !found.has(`${code}|${input.year}`));
  if (unknown.length) throw invalid('indicator.unknown_area', `no area version for ${unknown.join(', ')} in ${input.year}`);

  const rows = new Map<string, { figures: (number | null)[]; status: (number | null)[] }>();
  let suppressed = 0;
  for (const figure of input.figures) {
    const slot = slotOf.get(figure.indicatorCode);
    if (slot === undefined) throw invalid('indicator.unknown_indicator', `figure for ${figure.indicatorCode}, which is not among the indicators written`);
    const row = rows.get(figure.areaCode) ?? { figures: [], status: [] };
    row.figures[slot - 1] = figure.suppressed ? null : figure.value;
    row.status[slot - 1] = figure.suppressed ? SUPPRESSED : RECORDED;
    if (figure.suppressed) suppressed += 1;
    rows.set(figure.areaCode, row);
  }
  const literal = (values: (number | null)[], length: number) => `{${Array.from({ length }, (_, i) => (values[i] === null || values[i] === undefined || !Number.isFinite(values[i]) ? 'NULL' : String(values[i]))).join(',')}}`;
  for (const [areaCode, row] of rows) {
    const version = found.get(`${areaCode}|${input.year}`)!;
    const length = row.status.length;
    // The same merge as an import's: slots this write carries replace, the others stay.
    await sql`
      INSERT INTO area_figures (municipality_code, area_code, year, level, figures, status, import_id)
      VALUES (${version.municipalityCode}, ${areaCode}, ${input.year}, ${version.level}, ${literal(row.figures, length)}::float8[], ${literal(row.status, length)}::smallint[], NULL)
      ON CONFLICT (municipality_code, year, area_code) DO UPDATE SET
        figures = ARRAY(
          SELECT CASE WHEN u.new_status IS NULL THEN u.old_figure ELSE u.new_figure END
          FROM unnest(area_figures.figures, area_figures.status, excluded.figures, excluded.status) WITH ORDINALITY AS u(old_figure, old_status, new_figure, new_status, i)
          ORDER BY u.i),
        status = ARRAY(
          SELECT coalesce(u.new_status, u.old_status)
          FROM unnest(area_figures.status, excluded.status) WITH ORDINALITY AS u(old_status, new_status, i)
          ORDER BY u.i)`.execute(db);
  }
  return { values: input.figures.length, suppressed };
}
