import type { ValueRecord } from './import-model.js';

/**
 * The values of one import as columns of typed arrays rather than an object per value. A national KWB file
 * holds 2.2 million values: as objects they cost seconds of garbage collection, and they would have to be
 * copied one by one from the parse worker to the server thread; typed arrays move across without a copy.
 */
export interface ValueColumns {
  length: number;
  /** Distinct indicator codes and area codes; the columns below hold positions in these lists. */
  indicators: string[];
  areaCodes: string[];
  indicator: Uint16Array;
  area: Uint32Array;
  year: Uint16Array;
  /** NaN = unknown (null): a parsed value is never NaN. */
  value: Float64Array;
  /** The file's line for messages (values CSV), 0 when the value has none. */
  line: Uint32Array;
}

/** Collects values in file order; a run of values of one area (the usual order) costs no lookups. */
export class ValueColumnsBuilder {
  private readonly indicatorIndex = new Map<string, number>();
  private readonly areaIndex = new Map<string, number>();
  private readonly indicators: string[] = [];
  private readonly areaCodes: string[] = [];
  private lastArea = '';
  private lastAreaIndex = -1;
  private capacity = 1024;
  private size = 0;
  private indicator = new Uint16Array(this.capacity);
  private area = new Uint32Array(this.capacity);
  private year = new Uint16Array(this.capacity);
  private value = new Float64Array(this.capacity);
  private line = new Uint32Array(this.capacity);

  get length(): number {
    return this.size;
  }

  add(indicator: string, areaCode: string, year: number, value: number | null, line = 0): void {
    if (this.size === this.capacity) this.grow();
    let ind = this.indicatorIndex.get(indicator);
    if (ind === undefined) {
      ind = this.indicators.length;
      this.indicators.push(indicator);
      this.indicatorIndex.set(indicator, ind);
    }
    if (areaCode !== this.lastArea) {
      let a = this.areaIndex.get(areaCode);
      if (a === undefined) {
        a = this.areaCodes.length;
        this.areaCodes.push(areaCode);
        this.areaIndex.set(areaCode, a);
      }
      this.lastArea = areaCode;
      this.lastAreaIndex = a;
    }
    const i = this.size;
    this.indicator[i] = ind;
    this.area[i] = this.lastAreaIndex;
    this.year[i] = year;
    this.value[i] = value === null ? NaN : value;
    this.line[i] = line;
    this.size += 1;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Uint16Array | Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(this.capacity);
      next.set(old);
      return next;
    };
    this.indicator = grown(this.indicator, (n) => new Uint16Array(n));
    this.area = grown(this.area, (n) => new Uint32Array(n));
    this.year = grown(this.year, (n) => new Uint16Array(n));
    this.value = grown(this.value, (n) => new Float64Array(n));
    this.line = grown(this.line, (n) => new Uint32Array(n));
  }

  /** The columns, trimmed to their length (own buffers, so they can be transferred). */
  build(): ValueColumns {
    const n = this.size;
    return {
      length: n,
      indicators: this.indicators,
      areaCodes: this.areaCodes,
      indicator: this.indicator.slice(0, n),
      area: this.area.slice(0, n),
      year: this.year.slice(0, n),
      value: this.value.slice(0, n),
      line: this.line.slice(0, n),
    };
  }
}

export const emptyValueColumns = (): ValueColumns => new ValueColumnsBuilder().build();

/** The buffers to hand to postMessage's transfer list. */
export function transferablesOf(columns: ValueColumns): ArrayBuffer[] {
  return [columns.indicator.buffer, columns.area.buffer, columns.year.buffer, columns.value.buffer, columns.line.buffer] as ArrayBuffer[];
}

/** The values as objects (tests and small files only). */
export function valueRecordsOf(columns: ValueColumns): ValueRecord[] {
  const out: ValueRecord[] = [];
  for (let i = 0; i < columns.length; i += 1) {
    const value = columns.value[i] ?? NaN;
    const line = columns.line[i] ?? 0;
    out.push({
      indicator: columns.indicators[columns.indicator[i] ?? 0] ?? '',
      areaCode: columns.areaCodes[columns.area[i] ?? 0] ?? '',
      year: columns.year[i] ?? 0,
      value: Number.isNaN(value) ? null : value,
      ...(line ? { where: `line ${line}` } : {}),
    });
  }
  return out;
}
