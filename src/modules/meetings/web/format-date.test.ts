import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './format-date';

describe('formatCalendarDate', () => {
  it('writes dates the Dutch way, without shifting a day', () => {
    expect(formatCalendarDate('2026-11-08', 'nl', 'long')).toBe('8 november 2026');
    expect(formatCalendarDate('2026-01-01', 'nl')).toMatch(/^1 jan\.? 2026$/);
    expect(formatCalendarDate('2026-11-08', 'en', 'long')).toBe('8 November 2026');
    expect(formatCalendarDate('', 'nl')).toBe('');
  });
});
