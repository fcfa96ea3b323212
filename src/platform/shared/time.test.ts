import { describe, expect, it } from 'vitest';
import { calendarDayOf, endOfDay, formatInstant, instantToWallClock, startOfDay, wallClockToInstant } from './time.js';

// Every expectation below was worked out by hand from the Dutch rule: CET (+01:00) in winter, CEST (+02:00)
// from 02:00 CET on the last Sunday of March (29 March 2026, 28 March 2027) to 03:00 CEST on the last Sunday
// of October (25 October 2026). None depends on the process's own time zone: run them with TZ=UTC,
// TZ=America/New_York and TZ=Asia/Tokyo and they give the same result.

describe('wallClockToInstant: what a person typed in Amsterdam to an instant', () => {
  it.each([
    ['winter evening', '2026-12-06T21:30', '2026-12-06T20:30:00.000Z'],
    ['summer evening', '2026-07-01T21:30', '2026-07-01T19:30:00.000Z'],
    ['seconds kept', '2026-07-01T21:30:15', '2026-07-01T19:30:15.000Z'],
    ['midnight in winter is the evening before in UTC', '2026-12-07T00:00', '2026-12-06T23:00:00.000Z'],
    ['midnight in summer', '2026-06-01T00:00', '2026-05-31T22:00:00.000Z'],
    ['new year', '2027-01-01T00:30', '2026-12-31T23:30:00.000Z'],
    ['leap day', '2028-02-29T12:00', '2028-02-29T11:00:00.000Z'],
    // Spring: 02:00 CET jumps to 03:00 CEST.
    ['last minute of winter time', '2026-03-29T01:59', '2026-03-29T00:59:00.000Z'],
    ['first minute of summer time', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    ['02:00 does not exist: moved forward to 03:00', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
    ['02:30 does not exist: moved forward to 03:30', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
    ['the spring change in 2027', '2027-03-28T02:30', '2027-03-28T01:30:00.000Z'],
    // Autumn: 03:00 CEST goes back to 02:00 CET, so 02:00–02:59 happens twice.
    ['the evening before the autumn change', '2026-10-24T23:59', '2026-10-24T21:59:00.000Z'],
    ['01:59 is still summer time', '2026-10-25T01:59', '2026-10-24T23:59:00.000Z'],
    ['02:00 twice: the first, summer time', '2026-10-25T02:00', '2026-10-25T00:00:00.000Z'],
    ['02:30 twice: the first, summer time', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['03:00 is winter time', '2026-10-25T03:00', '2026-10-25T02:00:00.000Z'],
  ])('%s: %s is %s', (_, local, instant) => {
    expect(wallClockToInstant(local)).toBe(instant);
  });

  it.each(['', '2026-12-06', '2026-12-06 21:30', '2026-12-06T21:30Z', '2026-02-30T10:00', '2026-13-01T10:00', '2026-12-06T24:00', '2026-12-06T21:60', '06-12-2026T21:30'])('refuses %j', (local) => {
    expect(wallClockToInstant(local)).toBeNull();
  });
});

describe('instantToWallClock: an instant to what a person in Amsterdam reads and edits', () => {
  it.each([
    ['2026-12-06T20:30:00Z', '2026-12-06T21:30'],
    ['2026-07-01T19:30:00.000Z', '2026-07-01T21:30'],
    ['2026-07-01T21:30:00+02:00', '2026-07-01T21:30'],
    ['2026-07-01T19:30:15Z', '2026-07-01T21:30:15'],
    ['2026-12-06T23:00:00Z', '2026-12-07T00:00'],
    ['2026-12-31T23:30:00Z', '2027-01-01T00:30'],
    ['2026-03-29T00:59:00Z', '2026-03-29T01:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00'],
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30'],
    ['2026-10-25T02:00:00Z', '2026-10-25T03:00'],
  ])('%s is %s', (instant, local) => {
    expect(instantToWallClock(instant)).toBe(local);
    expect(instantToWallClock(new Date(instant))).toBe(local);
  });

  it('refuses what is not a moment', () => {
    expect(instantToWallClock('not a time')).toBeNull();
  });

  it('gives back every hour of 2026 that was typed, except the hour that does not exist', () => {
    const start = Date.UTC(2026, 0, 1);
    let checked = 0;
    for (let ms = start; ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
      const local = new Date(ms).toISOString().slice(0, 16);
      if (local.startsWith('2026-03-29T02:')) continue;
      expect(instantToWallClock(wallClockToInstant(local)!), local).toBe(local);
      checked += 1;
    }
    expect(checked).toBe(365 * 24 - 1);
  });
});

describe('calendar days in Amsterdam', () => {
  it.each([
    ['2026-12-06T22:59:59Z', '2026-12-06'],
    ['2026-12-06T23:00:00Z', '2026-12-07'],
    ['2026-07-01T21:59:00Z', '2026-07-01'],
    ['2026-07-01T22:00:00Z', '2026-07-02'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s falls on %s', (instant, day) => {
    expect(calendarDayOf(instant)).toBe(day);
  });

  it.each([
    ['2026-12-06', '2026-12-05T23:00:00.000Z', '2026-12-06T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z', '2026-07-01T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    ['2026-12-31', '2026-12-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
  ])('%s runs from %s up to %s', (day, start, end) => {
    expect(startOfDay(day)).toBe(start);
    expect(endOfDay(day)).toBe(end);
  });

  it('the clock-change days are 23 and 25 hours long', () => {
    const hours = (day: string) => (Date.parse(endOfDay(day)) - Date.parse(startOfDay(day))) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-12-06')).toBe(24);
  });
});

describe('formatInstant: a moment shown in Amsterdam time', () => {
  it.each([
    ['2026-12-06T20:30:00Z', 'nl', /^6 dec\.? 2026,? 21:30$/],
    ['2026-12-06T20:30:00Z', 'en', /^6 Dec 2026,? 21:30$/],
    ['2026-07-01T19:30:00Z', 'nl', /^1 jul\.? 2026,? 21:30$/],
    ['2026-12-31T23:30:00Z', 'nl', /^1 jan\.? 2027,? 00:30$/],
  ])('%s in %s', (instant, locale, shown) => {
    expect(formatInstant(instant, locale)).toMatch(shown);
  });

  it('shows the Amsterdam day with the date style', () => {
    expect(formatInstant('2026-12-31T23:30:00Z', 'en', 'date')).toBe('1 Jan 2027');
  });

  it('leaves empty values empty and unreadable ones as they are', () => {
    expect(formatInstant(null, 'nl')).toBe('');
    expect(formatInstant('', 'nl')).toBe('');
    expect(formatInstant('gisteren', 'nl')).toBe('gisteren');
  });
});
