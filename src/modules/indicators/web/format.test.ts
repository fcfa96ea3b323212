import { describe, expect, it } from 'vitest';
import { formatFigure, formatIndex, formatIndicatorValue, formatScore, groupByTheme, NO_VALUE } from './format';

describe('figures in Dutch', () => {
  it('uses a decimal comma and a thousands dot', () => {
    expect(formatFigure(1234.5, 1, 'nl')).toBe('1.234,5');
    expect(formatFigure(118_426, 0, 'nl')).toBe('118.426');
    expect(formatFigure(0.25, 2, 'nl')).toBe('0,25');
  });
  it('and British notation in English', () => {
    expect(formatFigure(1234.5, 1, 'en')).toBe('1,234.5');
  });
  it('shows a dash for no value, never 0', () => {
    expect(formatFigure(null, 1, 'nl')).toBe(NO_VALUE);
    expect(formatFigure(Number.NaN, 1, 'nl')).toBe(NO_VALUE);
    expect(formatIndicatorValue(undefined, { decimals: 0, unit: '%' }, 'nl')).toBe(NO_VALUE);
  });
  it('adds the unit', () => {
    expect(formatIndicatorValue(12.34, { decimals: 1, unit: '%' }, 'nl')).toBe('12,3%');
    expect(formatIndicatorValue(1500, { decimals: 0, unit: 'aantal' }, 'nl')).toBe('1.500');
    expect(formatIndicatorValue(23.4, { decimals: 1, unit: 'x 1 000 euro' }, 'nl')).toBe('23,4 x 1 000 euro');
    expect(formatIndicatorValue(23.4, { decimals: 1, unit: '%' }, 'nl', false)).toBe('23,4');
  });
  it('index and scores', () => {
    expect(formatIndex(87.6, 'nl')).toBe('88');
    expect(formatScore(1.254, 'nl')).toBe('+1,25');
    expect(formatScore(-0.4, 'nl')).toBe('−0,40');
    expect(formatScore(0.001, 'nl')).toBe('0,00');
  });
});

describe('groupByTheme', () => {
  it('sorts themes and names with Dutch collation', () => {
    const groups = groupByTheme(
      [
        { theme: 'Wonen', name: 'Woningvoorraad' },
        { theme: 'Bevolking', name: 'Inwoners' },
        { theme: 'Bevolking', name: 'Huishoudens' },
      ],
      'nl',
    );
    expect(groups.map((group) => group.theme)).toEqual(['Bevolking', 'Wonen']);
    expect(groups[0]?.items.map((item) => item.name)).toEqual(['Huishoudens', 'Inwoners']);
  });
});

describe('featureYearCandidates', () => {
  it('asks the year, then earlier boundary versions, then later ones', async () => {
    const { featureYearCandidates } = await import('./figures-api');
    expect(featureYearCandidates(2024, [2020, 2023, 2024])).toEqual([2024, 2023, 2020, 2022, 2025]);
    expect(featureYearCandidates(2016, [2016, 2024])).toEqual([2016, 2015, 2014, 2017, 2024]);
  });
});
