import { decodeUtf8 } from './csv-table.js';
import type { PositionCaps } from './geojson.js';
import { parseCrosswalkCsv } from './crosswalk-csv.parser.js';
import { parseAreasGeoJson } from './geojson-areas.parser.js';
import { requireYear, type ParsedImport } from './import-model.js';
import { parseKwbCsv } from './kwb-csv.parser.js';
import { parseTimeSeriesJson } from './time-series.parser.js';
import { parseValuesCsv } from './values-csv.parser.js';

/** The API's kinds, plus the demo seed's Baarn time series (a kind the imports table allows). */
export type RunnableImportKind = 'kwb-csv' | 'pdok-geojson' | 'areas-geojson' | 'values-csv' | 'crosswalk-csv' | 'time-series-json';

/** What the parse worker needs: the file, its kind and year, and the catalogue's codes and CBS keys. */
export interface ParseJob {
  kind: RunnableImportKind;
  year?: number;
  content: Uint8Array;
  catalogue: { code: string; cbsKey: string | null }[];
  caps: PositionCaps;
}

/**
 * Reads and checks a whole file: everything of an import that takes time or memory in proportion to the
 * file. Runs in the parse worker (parse-worker.ts); throws ImportProblem for a file it refuses.
 */
export function parseImportFile(job: ParseJob): ParsedImport {
  const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);
  const knownCodes = new Set(job.catalogue.map((c) => c.code));
  switch (job.kind) {
    case 'kwb-csv': {
      const cbsKeys = new Map(job.catalogue.filter((c) => c.cbsKey !== null).map((c) => [c.cbsKey as string, c.code]));
      return parseKwbCsv(content, requireYear(job.year, 'KWB CSV'), cbsKeys, knownCodes);
    }
    case 'pdok-geojson':
      return parseAreasGeoJson(decodeUtf8(content), { year: job.year, withValues: true, knownCodes, caps: job.caps });
    case 'areas-geojson':
      return parseAreasGeoJson(decodeUtf8(content), { year: job.year, withValues: false, knownCodes, caps: job.caps });
    case 'values-csv':
      return parseValuesCsv(content);
    case 'crosswalk-csv':
      requireYear(job.year, 'crosswalk CSV');
      return parseCrosswalkCsv(content);
    case 'time-series-json':
      return parseTimeSeriesJson(decodeUtf8(content));
  }
}
