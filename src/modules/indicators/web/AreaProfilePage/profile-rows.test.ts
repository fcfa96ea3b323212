import { describe, expect, it } from 'vitest';
import type { Indicator, ProfileItem } from '../../contract';
import { hasSeries, profileRowsByTheme } from './profile-rows';

const indicator = (code: string, name: string, theme: string): Indicator => ({
  code,
  name,
  theme,
  unit: '%',
  polarity: 'neutral',
  source: 'CBS',
  definition: '',
  aggregation: 'weighted_mean',
  weightIndicator: 'inhabitants',
  decimals: 1,
  suppressBelow: null,
});
const item = (code: string): ProfileItem => ({ indicator: code, value: 1, municipalityValue: 1, nationalValue: null, index: 100, direction: 'same', suppressed: false });

describe('profileRowsByTheme', () => {
  it('groups by theme with unknown indicators last', () => {
    const groups = profileRowsByTheme([item('b'), item('a'), item('zz'), item('c')], [indicator('a', 'Inwoners', 'Bevolking'), indicator('b', 'Huishoudens', 'Bevolking'), indicator('c', 'Woningen', 'Wonen')], 'Overig', 'nl');
    expect(groups.map((group) => group.theme)).toEqual(['Bevolking', 'Wonen', 'Overig']);
    expect(groups[0]?.rows.map((row) => row.name)).toEqual(['Huishoudens', 'Inwoners']);
    expect(groups[2]?.rows[0]?.name).toBe('zz');
  });
});

describe('hasSeries', () => {
  it('needs two periods with a value', () => {
    expect(hasSeries([{ value: 1 }, { value: null }])).toBe(false);
    expect(hasSeries([{ value: 1 }, { value: 2 }])).toBe(true);
  });
});
