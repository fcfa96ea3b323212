import { describe, expect, it } from 'vitest';
import { directionAgainstMunicipality, indexAgainstMunicipality } from './profile-index.js';

describe('indexAgainstMunicipality', () => {
  const share = { aggregation: 'weighted_mean' as const, unit: '%' };
  it('is 100 × value / municipality value for a share (Dordt West 0–14 against Dordrecht)', () => {
    expect(indexAgainstMunicipality({ ...share, value: 17.861616658468602, municipalityValue: 15.65952881783761 })).toBeCloseTo(114.062, 3);
    expect(indexAgainstMunicipality({ ...share, value: 20, municipalityValue: 16 })).toBe(125);
  });
  it.each([
    ['unknown value', { ...share, value: null, municipalityValue: 16 }],
    ['unknown municipality value', { ...share, value: 20, municipalityValue: null }],
    ['municipality value 0', { ...share, value: 20, municipalityValue: 0 }],
    ['negative municipality value', { ...share, value: -20, municipalityValue: -40 }],
    ['negative value', { ...share, value: -5, municipalityValue: 40 }],
    ['a count', { aggregation: 'sum' as const, unit: 'count', value: 815, municipalityValue: 119030 }],
    ['a class', { aggregation: 'none' as const, unit: 'class', value: 1, municipalityValue: 2 }],
  ])('is null for %s', (_name, input) => {
    expect(indexAgainstMunicipality(input)).toBeNull();
  });
  it('works for an average that is not aggregated (rule none)', () => {
    expect(indexAgainstMunicipality({ aggregation: 'none', unit: 'persons', value: 2.3, municipalityValue: 2.0 })).toBeCloseTo(115, 10);
  });
});

describe('directionAgainstMunicipality', () => {
  it.each([
    [20, 16, 'higher_is_better', 0, 'better'],
    [20, 16, 'lower_is_better', 0, 'worse'],
    [12, 16, 'lower_is_better', 0, 'better'],
    [12, 16, 'higher_is_better', 0, 'worse'],
    [16.2, 16.4, 'higher_is_better', 0, 'same'],
    [16.2, 16.4, 'higher_is_better', 1, 'worse'],
    [20, 16, 'neutral', 0, 'not_applicable'],
    [null, 16, 'higher_is_better', 0, 'not_applicable'],
    [20, null, 'lower_is_better', 0, 'not_applicable'],
  ] as const)('%s vs %s (%s, %d decimals) → %s', (value, reference, polarity, decimals, expected) => {
    expect(directionAgainstMunicipality(value, reference, polarity, decimals, 'weighted_mean')).toBe(expected);
    expect(directionAgainstMunicipality(value, reference, polarity, decimals, 'none')).toBe(expected);
  });
  it('gives a count no direction: a buurt with 30 on social assistance is not "better" than the city with 360', () => {
    expect(directionAgainstMunicipality(30, 360, 'lower_is_better', 0, 'sum')).toBe('not_applicable');
    expect(directionAgainstMunicipality(6.3, 5.1, 'lower_is_better', 1, 'weighted_mean')).toBe('worse');
  });
});
