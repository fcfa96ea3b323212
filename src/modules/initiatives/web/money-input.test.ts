import { describe, expect, it } from 'vitest';
import { parseEuros } from './money-input';

describe('parseEuros', () => {
  it('reads Dutch amounts into cents', () => {
    expect(parseEuros('1.250')).toBe(125_000);
    expect(parseEuros('1250,50')).toBe(125_050);
    expect(parseEuros('€ 12,5')).toBe(1_250);
    expect(parseEuros('3500')).toBe(350_000);
  });

  it('refuses what is not an amount', () => {
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('twaalf')).toBeNull();
    expect(parseEuros('1,2,3')).toBeNull();
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('-5')).toBeNull();
  });
});
