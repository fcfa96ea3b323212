import { describe, expect, it } from 'vitest';
import { formatEuros, parseEuros, parsePercent } from './format';

describe('amounts typed on the MKBA page', () => {
  it('reads Dutch and English amounts as whole cents', () => {
    expect(parseEuros('51.125', 'nl')).toBe(5_112_500);
    expect(parseEuros('€ 1.234,56', 'nl')).toBe(123_456);
    expect(parseEuros('1,234.56', 'en')).toBe(123_456);
    expect(parseEuros('0,1', 'nl')).toBe(10);
  });
  it('refuses what is not an amount with at most two decimals', () => {
    expect(parseEuros('12,345', 'nl')).toBeNull();
    expect(parseEuros('-5', 'nl')).toBeNull();
    expect(parseEuros('tien', 'nl')).toBeNull();
    expect(parseEuros('', 'nl')).toBeNull();
  });
  it('reads a rate with a comma or a point', () => {
    expect(parsePercent('2,25')).toBe(2.25);
    expect(parsePercent('4 %')).toBe(4);
    expect(parsePercent('vier')).toBeNull();
  });
  it('writes euros the way each language does', () => {
    expect(formatEuros(-4_729_319, 'nl').replace(/\s/g, ' ')).toBe('€ -47.293,19');
    expect(formatEuros(186_546, 'en')).toBe('€1,865.46');
  });
});
