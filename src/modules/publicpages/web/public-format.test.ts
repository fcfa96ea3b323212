import { describe, expect, it } from 'vitest';
import type { PublicKeyFigure } from '../contract';
import { figureText, formatFigure, yearsOf } from './public-format';

const share: PublicKeyFigure = { indicator: 'share_age_0_14', name: 'Percentage 0 tot 15 jaar', unit: '%', decimals: 0, polarity: 'neutral', years: [] };
const words = { suppressed: 'te weinig inwoners', unknown: 'niet bekend' };

describe('public figures as residents read them', () => {
  it('shows counts whole and shares with one decimal, in Dutch and English', () => {
    expect(formatFigure(31030, share, 'nl')).toBe('31.030');
    expect(formatFigure(17.8616, share, 'nl')).toBe('17,9');
    expect(formatFigure(17.8616, share, 'en')).toBe('17.9');
  });
  it('never shows a number for a suppressed value, and says when a value is unknown', () => {
    expect(figureText({ period: 2024, value: 12, municipalityValue: 10, index: 120, suppressed: true }, share, 'nl', words)).toBe('te weinig inwoners');
    expect(figureText({ period: 2024, value: null, municipalityValue: 10, index: null, suppressed: false }, share, 'nl', words)).toBe('niet bekend');
  });
  it('lists every year of any figure once, oldest first', () => {
    const y = (period: number) => ({ period, value: 1, municipalityValue: 1, index: 100, suppressed: false });
    expect(yearsOf([{ ...share, years: [y(2024), y(2020)] }, { ...share, years: [y(2022)] }])).toEqual([2020, 2022, 2024]);
  });
});
