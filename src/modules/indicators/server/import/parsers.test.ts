import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CBS_MAP_ATTRIBUTES, KWB_EXTRACT_COLUMNS, PDOK_ATTRIBUTES } from './attribute-maps.js';
import { decodeUtf8 } from './csv-table.js';
import { countNumberArrays } from './geojson.js';
import { parseAreasGeoJson } from './geojson-areas.parser.js';
import { MAX_POSITIONS_PER_FEATURE, MAX_POSITIONS_PER_FILE } from './import-limits.js';
import { ImportProblem, parseCell } from './import-model.js';
import { parseKwbCsv } from './kwb-csv.parser.js';
import { parseTimeSeriesJson } from './time-series.parser.js';
import { parseValuesCsv } from './values-csv.parser.js';
import { valueRecordsOf } from './value-columns.js';

const demo = (file: string) => readFileSync(new URL(`../../../../../data/demo/${file}`, import.meta.url), 'utf8');
const ALL = new Set([...Object.values(CBS_MAP_ATTRIBUTES), ...Object.values(PDOK_ATTRIBUTES), ...Object.values(KWB_EXTRACT_COLUMNS)]);
const inhabitants = (values: { indicator: string; value: number | null }[]) => values.filter((v) => v.indicator === 'inhabitants').reduce((s, v) => s + (v.value ?? 0), 0);

const caps = { perFile: MAX_POSITIONS_PER_FILE, perFeature: MAX_POSITIONS_PER_FEATURE };

function problem(fn: () => unknown): ImportProblem {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportProblem) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('parsers on the real demo files', () => {
  it('Dordrecht buurten 2020: 130 buurten, 119,030 inhabitants', () => {
    const parsed = parseAreasGeoJson(demo('dordrecht_buurten_2020.geojson'), { year: 2020, withValues: true, knownCodes: ALL, caps });
    expect(parsed.areas).toHaveLength(130);
    expect(inhabitants(valueRecordsOf(parsed.values))).toBe(119_030);
    expect(parsed.areas.find((a) => a.code === 'BU05050100')).toMatchObject({ level: 'buurt', parentCode: 'WK050501', name: 'Nieuwe Haven en omgeving' });
  });
  // GM1708 has a repeated vertex, which is not a self-intersection (it was "repaired" before the sweep).
  it('gemeenten 2023: 342 gemeenten, the 2 self-intersecting polygons made valid', () => {
    const parsed = parseAreasGeoJson(demo('gemeenten_2023.geojson'), { year: 2023, withValues: false, knownCodes: ALL, caps });
    expect(parsed.areas).toHaveLength(342);
    expect(parsed.report.repairedGeometries).toEqual(['GM0852', 'GM1676']);
  });
  it('KWB 2024 extract: 3,735 rows, NL total 17,942,942', () => {
    const parsed = parseKwbCsv(demo('kwb2024_gemeenten_wijken_basis.csv'), 2024, new Map(), ALL);
    expect(parsed.areas).toHaveLength(3735);
    expect(inhabitants(valueRecordsOf(parsed.values).filter((v) => v.areaCode.startsWith('GM')))).toBe(17_942_942);
    expect(parsed.areas.find((a) => a.code === 'WK050503')).toMatchObject({ name: 'Wijk 03 (Dordrecht)', nameIsFallback: true });
  });
  it('Baarn 2024: 21 buurten, CBS special values become null', () => {
    const parsed = parseAreasGeoJson(demo('baarn_buurten_2024.geojson'), { year: undefined, withValues: true, knownCodes: ALL, caps });
    expect(parsed.areas).toHaveLength(21);
    expect(parsed.areas[0]?.year).toBe(2024);
    expect(valueRecordsOf(parsed.values).filter((v) => v.indicator === 'dwellings').every((v) => v.value === null)).toBe(true);
  });
  it('Baarn time series: opleiding_* only from 2023, as counts', () => {
    const parsed = parseTimeSeriesJson(demo('baarn_sociaal_tijdreeks_2016_2025.json'));
    const education = valueRecordsOf(parsed.values).filter((v) => v.indicator === 'education_low');
    expect(Math.min(...education.map((v) => v.year))).toBe(2023);
    expect(valueRecordsOf(parsed.values).find((v) => v.areaCode === 'GM0308' && v.indicator === 'inhabitants' && v.year === 2016)?.value).toBe(24_521);
  });
});

describe('broken files', () => {
  it('KWB OData header: suffixes stripped, unknown stems skipped', () => {
    const csv = 'WijkenEnBuurten;Codering_3;AantalInwoners_5;Onbekend_99\nGM0505;GM0505;122070;1\n';
    const parsed = parseKwbCsv(csv, 2024, new Map([['AantalInwoners', 'inhabitants']]), ALL);
    expect(valueRecordsOf(parsed.values)).toEqual([{ indicator: 'inhabitants', areaCode: 'GM0505', year: 2024, value: 122070 }]);
    expect(parsed.report.skippedColumns).toEqual(['Onbekend_99']);
  });
  it('values CSV with BOM, semicolons and a quoted newline reports line and column', () => {
    const csv = '\uFEFFarea_code;indicator;period;value\n"BU05050100";inhabitants;2020;815\n"BU0505\n0101";inhabitants;2020;abc\n';
    const error = problem(() => parseValuesCsv(csv));
    expect(error.status).toBe(422);
    expect(error.errors).toContainEqual({ path: 'line 3, column value', message: '"abc" is not a number', code: 'not_a_number' });
  });
  it('refuses latin-1 bytes, an empty file, RD New without crs, and a non-FeatureCollection', () => {
    expect(problem(() => decodeUtf8(Buffer.from([0x61, 0x72, 0x65, 0x61, 0x0a, 0xe9, 0x0a]))).code).toBe('import.encoding');
    expect(problem(() => decodeUtf8(Buffer.alloc(0))).code).toBe('import.empty');
    const rd = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'GM0505' }, geometry: { type: 'Polygon', coordinates: [[[105000, 420000], [106000, 420000], [106000, 421000], [105000, 420000]]] } }] });
    expect(problem(() => parseAreasGeoJson(rd, { year: 2020, withValues: false, knownCodes: ALL, caps })).code).toBe('import.crs_missing');
    const withCrs = JSON.parse(rd) as Record<string, unknown>;
    withCrs.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };
    const converted = parseAreasGeoJson(JSON.stringify(withCrs), { year: 2020, withValues: false, knownCodes: ALL, caps });
    expect(converted.areas[0]?.bbox?.[0]).toBeCloseTo(4.6, 0);
    expect(problem(() => parseAreasGeoJson('{"type":"Feature"}', { year: 2020, withValues: false, knownCodes: ALL, caps })).code).toBe('import.not_feature_collection');
  });
});

describe('a cell as a number', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['0.25', 0.25],
    [' 7 ', 7],
    ['1,5', 1.5],
    ['1e3', 1000],
    ['+4', 4],
    ['.5', 0.5],
    ['', null],
    ['.', null],
    ['x', null],
    ['-99995', null],
    ['-99997', null],
    ['-99994', -99994],
    ['12345678901234567890', 1.2345678901234567e19],
    ['0x10', undefined],
    ['Infinity', undefined],
    ['1.2.3', undefined],
    ['12abc', undefined],
    ['1,5,6', undefined],
  ])('"%s" → %s', (text, expected) => {
    expect(parseCell(text)).toBe(expected);
  });
});

describe('the position count that refuses a file before JSON.parse', () => {
  it('counts arrays that start with a number, not brackets inside strings (escaped quotes included)', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', name: 'a "[1, 2]" name\\', features: [{ properties: { note: '[[3,4]]', list: [5, 6] }, geometry: { coordinates: [[[1, 2], [-3, 4], [5.5, 6]]] } }] });
    // Three positions and the numeric property array; the brackets in the strings do not count.
    expect(countNumberArrays(text, 100)).toBe(4);
    expect(countNumberArrays(text.replace('[-3', '[\n -3'), 100)).toBe(4);
    expect(countNumberArrays(text, 1)).toBe(2);
  });
});
