import { describe, expect, it } from 'vitest';
import { escapeTextCell, toCsv, toCsvCell } from './export-csv.js';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+31 6', "'+31 6"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['Dordt West', 'Dordt West'],
    ['a;b', '"a;b"'],
  ])('escapes text %j as %j', (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });
  it('keeps numbers numbers, with a decimal comma', () => {
    expect(toCsvCell(-3.5)).toBe('-3,5');
    expect(toCsvCell(17.861616658)).toBe('17,8616');
    expect(toCsvCell(119030)).toBe('119030');
    expect(toCsvCell(null)).toBe('');
  });
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    expect(toCsv([['a', 1], ['b', 2.5]])).toBe('\uFEFFa;1\r\nb;2,5\r\n');
  });
  it('leaves harmless text alone', () => {
    expect(escapeTextCell('Bron: CBS, Kadaster')).toBe('Bron: CBS, Kadaster');
  });
});
