import { describe, expect, it } from 'vitest';
import { locateBadRow } from './import-report';

describe('locateBadRow', () => {
  it.each([
    ['line 3, column 11 (purpose)', 3, 11, 'purpose'],
    ['line 1, column 13', 1, 13, null],
    ['line 2', 2, null, null],
    ['line 4, column ? (lon)', 4, null, 'lon'],
  ])('%s', (path, line, column, columnName) => {
    expect(locateBadRow({ path, message: 'x' })).toEqual({ line, column, columnName, message: 'x' });
  });

  it('keeps a path that is not a place in the file', () => {
    expect(locateBadRow({ path: 'municipality', message: 'invalid' })).toEqual({ line: null, column: null, columnName: 'municipality', message: 'invalid' });
    expect(locateBadRow({ path: '', message: 'empty' })).toEqual({ line: null, column: null, columnName: null, message: 'empty' });
  });
});
