import type { FieldError, FieldErrorCode, FieldErrorParams } from '../../../../platform/server/index.js';
import type { AreaLevel } from '../../../areas/contract.js';
import { MAX_REPORTED_ERRORS } from './import-limits.js';
import type { ValueColumns } from './value-columns.js';

/** What every parser produces: area versions to create or update, values to store, and a report. */
export interface AreaRecord {
  code: string;
  level: AreaLevel;
  year: number;
  name: string;
  /** A made-up name ("Wijk 03 (Dordrecht)"): never overwrites a real one already stored. */
  nameIsFallback: boolean;
  parentCode: string | null;
  municipalityCode: string;
  geometry: Polygonal | null;
  bbox: [number, number, number, number] | null;
}

export interface ValueRecord {
  indicator: string;
  areaCode: string;
  year: number;
  value: number | null;
  /** Where in the file, for messages about rows that only the database can judge ("line 12"). */
  where?: string;
}

/** One line of a crosswalk: a share of an old area's territory that went to a new area. */
export interface CrosswalkLinkRecord {
  fromCode: string;
  toCode: string;
  weight: number;
  basis: 'inhabitants' | 'area';
  line: number;
}

export interface ParsedImport {
  areas: AreaRecord[];
  values: ValueColumns;
  report: Record<string, unknown>;
  /** values-csv: areas must exist already, with a version valid for the period. */
  areasMustExist?: boolean;
  /** crosswalk-csv: the links of a re-division (no areas, no values). */
  crosswalk?: CrosswalkLinkRecord[];
}

export type Position = number[];
export type Polygonal = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/**
 * A file the import refuses, with the status and problem code the API answers. Parsers throw this rather
 * than the platform's AppError because they run in a worker thread that loads only the parsing code (the
 * platform would take a second to load); the import service turns it into an AppError.
 */
export class ImportProblem extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors: FieldError[],
  ) {
    super(message);
    this.name = 'ImportProblem';
  }
}

/** Collects bad rows; the import fails with all of them (the first MAX_REPORTED_ERRORS listed) rather than at the first. */
export class BadRows {
  readonly errors: FieldError[] = [];
  count = 0;
  /** `message` is English for API clients and logs; `code` and `params` are what the web words (field-errors.ts). */
  add(path: string, message: string, code: FieldErrorCode, params?: FieldErrorParams): void {
    this.count += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ path, message, code, ...(params ? { params } : {}) });
  }
  throwIfAny(): void {
    if (this.count === 0) return;
    const errors = [...this.errors];
    if (this.count > errors.length) errors.push({ path: 'file', message: `${this.count - errors.length} more bad rows not listed`, code: 'more_not_listed', params: { count: this.count - errors.length } });
    throw new ImportProblem('import.bad_rows', 422, `The file has ${this.count} bad row${this.count === 1 ? '' : 's'}; nothing was imported`, errors);
  }
}

export const fileProblem = (code: string, message: string, status = 422) => new ImportProblem(code, status, message, [{ path: 'file', message }]);

const LEVEL_BY_PREFIX: Record<string, AreaLevel> = { NL: 'land', GM: 'gemeente', WK: 'wijk', BU: 'buurt' };

/** Normalises a CBS region code; returns null when it is not one. CBS writes the Netherlands as NL01. */
export function normaliseAreaCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code === 'NL00' || code === 'NL01') return 'NL00';
  return /^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/.test(code) ? code : null;
}

export function levelOf(code: string): AreaLevel {
  const level = LEVEL_BY_PREFIX[code.slice(0, 2)];
  if (!level) throw new Error(`not a CBS area code: ${code}`);
  return level;
}

export function municipalityOf(code: string): string {
  return code === 'NL00' ? 'NL00' : `GM${code.slice(2, 6)}`;
}

/** The parent follows from the code: BU05050301 → WK050503 → GM0505 → NL00. */
export function parentOf(code: string): string | null {
  if (code.startsWith('BU')) return `WK${code.slice(2, 8)}`;
  if (code.startsWith('WK')) return `GM${code.slice(2, 6)}`;
  if (code.startsWith('GM')) return 'NL00';
  return null;
}

/**
 * A clear name for an area whose file does not name it (the KWB extract has no wijk names):
 * "Wijk 03 (Dordrecht)", "Buurt 0301 (Dordrecht)", "Gemeente GM0505".
 */
export function fallbackName(code: string, municipalityName: string | null): string {
  const suffix = municipalityName ? ` (${municipalityName})` : ` (${municipalityOf(code)})`;
  if (code.startsWith('WK')) return `Wijk ${code.slice(6, 8)}${suffix}`;
  if (code.startsWith('BU')) return `Buurt ${code.slice(6, 10)}${suffix}`;
  if (code === 'NL00') return 'Nederland';
  return `Gemeente ${code}`;
}

/** CBS special values (−99995 not yet available, −99997 confidential, −99999999 …) mean "unknown". */
export const isCbsSpecialValue = (value: number): boolean => value <= -99995;

const PLAIN_NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/**
 * A cell as a number: empty, ".", "-", "x" and "?" (StatLine's markers) are unknown (null); a decimal
 * comma is accepted. Returns undefined when the text is not a number at all.
 */
export function parseCell(text: string): number | null | undefined {
  // Most cells are plain numbers: one check, then the general path below for the rest.
  if (PLAIN_NUMBER.test(text)) {
    const n = Number(text);
    return isCbsSpecialValue(n) ? null : n;
  }
  const t = text.trim();
  if (t === '' || t === '.' || t === '-' || t === 'x' || t === '?') return null;
  const normalised = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) return undefined;
  const n = Number(normalised);
  if (!Number.isFinite(n)) return undefined;
  return isCbsSpecialValue(n) ? null : n;
}

export function requireYear(year: number | undefined, kind: string): number {
  if (year === undefined) throw fileProblem('import.year_required', `A ${kind} file does not say its year: give the year`);
  return year;
}
