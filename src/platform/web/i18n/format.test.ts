import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatPercentFromBasisPoints, getDisplayLocale, setDisplayLocale } from './format';

// Pass in every process time zone (TZ=UTC, TZ=America/New_York, TZ=Asia/Tokyo): pages show Amsterdam time.
describe('dates and times on the pages', () => {
  it('shows a moment in Amsterdam time', () => {
    expect(formatDateTime('2026-12-06T20:30:00.000Z', 'nl')).toMatch(/^6 dec\.? 2026,? 21:30$/);
    expect(formatDateTime('2026-07-01T19:30:00Z', 'en')).toMatch(/^1 Jul 2026,? 21:30$/);
  });

  it('shows a calendar date as it is, never a day earlier or later', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });

  it('shows the day a moment falls on in Amsterdam', () => {
    expect(formatDate('2026-12-31T23:30:00Z', 'en')).toBe('1 Jan 2027');
    expect(formatDate('2026-07-01T21:59:00Z', 'en')).toBe('1 Jul 2026');
  });

  it('leaves empty values empty', () => {
    expect(formatDate(null, 'nl')).toBe('');
    expect(formatDateTime(undefined, 'nl')).toBe('');
  });
});

describe('money and percentages on the pages', () => {
  it('writes money in the style of the language: 1.234,56 in Dutch, 1,234.56 in English', () => {
    expect(formatMoney(123456, 'nl')).toBe('€\u00a01.234,56');
    expect(formatMoney(123456, 'en')).toBe('€\u00a01,234.56');
    expect(formatMoney(430120800, 'nl')).toBe('€\u00a04.301.208');
    expect(formatMoney(430120800, 'en')).toBe('€\u00a04,301,208');
    expect(formatMoney(-1200, 'nl')).toBe('\u2212\u00a0€\u00a012');
    expect(formatMoney(1250, 'nl', { decimals: 'always' })).toBe('€\u00a012,50');
    expect(formatMoney(4808250, 'en', { decimals: 'never' })).toBe('€\u00a048,083');
    expect(formatMoney(-4808249, 'nl', { decimals: 'never' })).toBe('\u2212\u00a0€\u00a048.082');
  });

  it('follows the language the app shows when none is given', () => {
    const before = getDisplayLocale();
    try {
      setDisplayLocale('en');
      expect(formatMoney(2400000)).toBe('€\u00a024,000');
      expect(formatPercentFromBasisPoints(1769)).toBe('17.69%');
      setDisplayLocale('nl');
      expect(formatMoney(2400000)).toBe('€\u00a024.000');
      expect(formatPercentFromBasisPoints(1769)).toBe('17,69%');
      expect(formatPercentFromBasisPoints(150)).toBe('1,5%');
    } finally {
      setDisplayLocale(before);
    }
  });
});
