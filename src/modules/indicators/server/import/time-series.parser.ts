import { TIME_SERIES_KEYS } from './attribute-maps.js';
import { fileProblem, levelOf, municipalityOf, normaliseAreaCode, parentOf, type AreaRecord, type ParsedImport } from './import-model.js';
import { ValueColumnsBuilder } from './value-columns.js';

interface SeriesArea {
  naam?: unknown;
  code?: unknown;
  tijdreeksen?: Record<string, Record<string, number | null>>;
}

/** CBS changed the opleiding_* variables to counts of persons in 2023; earlier years were shares. */
const COUNT_FROM_YEAR: Record<string, number> = { opleiding_laag: 2023, opleiding_middelbaar: 2023, opleiding_hoog: 2023 };

/**
 * A per-area StatLine time series (the Baarn file: {metadata, gemeente, buurten}). Internal kind for the
 * demo seed. Years that CBS does not have (null) stay absent; an area gets a version without geometry for
 * each year it has figures in, because CBS published it that year.
 */
export function parseTimeSeriesJson(text: string): ParsedImport {
  let doc: { gemeente?: SeriesArea; buurten?: Record<string, SeriesArea> };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    throw fileProblem('import.json_syntax', 'The file is not valid JSON');
  }
  const entries: [string, SeriesArea][] = [];
  if (doc.gemeente && typeof doc.gemeente.code === 'string') entries.push([doc.gemeente.code, doc.gemeente]);
  for (const [code, area] of Object.entries(doc.buurten ?? {})) entries.push([code, area]);
  const areas = new Map<string, AreaRecord>();
  const values = new ValueColumnsBuilder();
  const skipped = new Set<string>();
  let unitChanged = 0;
  for (const [rawCode, area] of entries) {
    const code = normaliseAreaCode(rawCode);
    if (!code) throw fileProblem('import.time_series_area', `"${rawCode}" is not a CBS area code`);
    for (const [key, series] of Object.entries(area.tijdreeksen ?? {})) {
      const indicator = TIME_SERIES_KEYS[key];
      if (!indicator) {
        skipped.add(key);
        continue;
      }
      for (const [yearText, value] of Object.entries(series)) {
        const year = Number(yearText);
        if (typeof value !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2100) continue;
        if (COUNT_FROM_YEAR[key] !== undefined && year < (COUNT_FROM_YEAR[key] ?? 0)) {
          unitChanged += 1;
          continue;
        }
        values.add(indicator, code, year, value);
        const versionKey = `${code}|${year}`;
        if (!areas.has(versionKey)) {
          areas.set(versionKey, {
            code,
            level: levelOf(code),
            year,
            name: typeof area.naam === 'string' && area.naam.trim() ? area.naam.trim() : code,
            nameIsFallback: !(typeof area.naam === 'string' && area.naam.trim()),
            parentCode: parentOf(code),
            municipalityCode: municipalityOf(code),
            geometry: null,
            bbox: null,
          });
        }
      }
    }
  }
  return { areas: [...areas.values()], values: values.build(), report: { values: values.length, skippedKeys: [...skipped], skippedShareYearsOfCountVariables: unitChanged } };
}
