import { describe, expect, it } from 'vitest';
import { availabilityOf, chooseIndicator, chooseYear, hasFigures, richestYear, yearRuns } from './indicator-availability';

// Dordrecht's wijken in the demo: inhabitants in 2020 and 2024, the age shares only in 2020.
const availability = availabilityOf([
  { indicator: 'inhabitants', years: [2020, 2024] },
  { indicator: 'share_age_0_14', years: [2020] },
  { indicator: 'dwellings', years: [2024] },
]);
const years = [2024, 2020];

describe('the indicator picker', () => {
  it('knows which indicator has figures in which year', () => {
    expect(hasFigures(availability, 'share_age_0_14', 2020)).toBe(true);
    expect(hasFigures(availability, 'share_age_0_14', 2024)).toBe(false);
    expect(hasFigures(availability, 'average_income_per_inhabitant', 2020)).toBe(false);
    expect(hasFigures(availability, 'inhabitants', null)).toBe(false);
  });

  it('opens on a year with figures of the indicator', () => {
    expect(chooseYear({ years, requested: null, indicatorYears: [2020] })).toBe(2020);
    expect(chooseYear({ years, requested: null, indicatorYears: [2020, 2024] })).toBe(2024);
    expect(chooseYear({ years, requested: null, preferred: 2020, indicatorYears: [2020, 2024] })).toBe(2020);
    // The preferred year is passed over when the indicator has no figures then.
    expect(chooseYear({ years, requested: null, preferred: 2020, indicatorYears: [2024] })).toBe(2024);
    // An asked-for year with figures at the level stays; one without any (2023) does not.
    expect(chooseYear({ years, requested: 2020, indicatorYears: [2024] })).toBe(2020);
    expect(chooseYear({ years, requested: 2023, indicatorYears: [2024] })).toBe(2024);
    // An indicator without figures at the level: the newest year with any.
    expect(chooseYear({ years, requested: null, indicatorYears: [] })).toBe(2024);
    expect(chooseYear({ years: [], requested: 2020, indicatorYears: [] })).toBeNull();
  });

  it('replaces an indicator without figures that year by the preferred one, else the first that has some', () => {
    expect(chooseIndicator(availability, 'share_age_0_14', 'inhabitants', 2020)).toBe('share_age_0_14');
    expect(chooseIndicator(availability, 'share_age_0_14', 'inhabitants', 2024)).toBe('inhabitants');
    expect(chooseIndicator(availability, 'share_age_0_14', 'population_density', 2024)).toBe('inhabitants');
    expect(chooseIndicator(availability, 'share_age_0_14', 'inhabitants', 2016)).toBe('share_age_0_14');
  });
});

describe('the default year and the years shown', () => {
  it('opens a place on the year with the most indicators, the newest of equals', () => {
    // Baarn's buurten: only inhabitants in 2025, the full KWB set in 2024.
    const baarn = availabilityOf([
      { indicator: 'inhabitants', years: [2023, 2024, 2025] },
      { indicator: 'share_age_0_14', years: [2024] },
      { indicator: 'share_households_low_income', years: [2023] },
    ]);
    expect(richestYear(baarn)).toBe(2024);
    expect(richestYear(availabilityOf([]))).toBeUndefined();
  });

  it('writes consecutive years as a run', () => {
    expect(yearRuns([2018, 2016, 2017, 2020, 2023, 2024])).toBe('2016–2018, 2020, 2023, 2024');
    expect(yearRuns([2024])).toBe('2024');
    expect(yearRuns([])).toBe('');
  });
});
