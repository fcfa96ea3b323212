import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

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
