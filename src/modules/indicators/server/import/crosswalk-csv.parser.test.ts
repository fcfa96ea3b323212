import { describe, expect, it } from 'vitest';
import { parseCrosswalkCsv, WEIGHT_SUM_TOLERANCE } from './crosswalk-csv.parser.js';
import { ImportProblem } from './import-model.js';

function problem(text: string): ImportProblem {
  try {
    parseCrosswalkCsv(text);
  } catch (error) {
    if (error instanceof ImportProblem) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('the crosswalk CSV', () => {
  it('reads semicolons, a BOM, a decimal comma, lower-case codes, any column order', () => {
    const parsed = parseCrosswalkCsv('\uFEFFbasis;weight;from_code;to_code\ninhabitants;0,6;bu05050100;BU05050120\ninhabitants;0,4;BU05050100;BU05050121\n');
    expect(parsed.crosswalk).toEqual([
      { fromCode: 'BU05050100', toCode: 'BU05050120', weight: 0.6, basis: 'inhabitants', line: 2 },
      { fromCode: 'BU05050100', toCode: 'BU05050121', weight: 0.4, basis: 'inhabitants', line: 3 },
    ]);
    expect(parsed.report).toEqual({ links: 2, oldCodes: 1, newCodes: 2 });
    expect(parsed.values.length).toBe(0);
  });
  it(`accepts weights that add up to 1 within ${WEIGHT_SUM_TOLERANCE} (three shares rounded), not beyond`, () => {
    const three = (a: string, b: string, c: string) => `from_code,to_code,weight,basis\nWK050501,WK050520,${a},area\nWK050501,WK050521,${b},area\nWK050501,WK050522,${c},area\n`;
    expect(parseCrosswalkCsv(three('0.333', '0.333', '0.333')).crosswalk).toHaveLength(3);
    expect(parseCrosswalkCsv(three('0.334', '0.334', '0.333')).crosswalk).toHaveLength(3);
    expect(problem(three('0.333', '0.333', '0.332')).errors).toEqual([{ path: 'line 4, column weight', message: 'the weights of WK050501 (lines 2, 3, 4) add up to 0.998, not 1', code: 'shares_not_whole', params: { total: 0.998 } }]);
  });
  it('lists every bad row at once, each with its line and column', () => {
    const error = problem('from_code,to_code,weight,basis\nGM0505,BU05050120,1,inhabitants\nBU05050100,BU05050120,2,people\n');
    expect(error.code).toBe('import.bad_rows');
    expect(error.errors.map((e) => e.path)).toEqual(['line 2, column to_code', 'line 3, column weight', 'line 3, column basis']);
  });
});
