/**
 * Times as people in the Netherlands type and read them (docs/time.md). The app keeps moments as instants
 * (timestamptz in the database, ISO 8601 with `Z` in the API); people type and read wall-clock time in
 * Europe/Amsterdam, whatever time zone their browser or the server runs in. These functions are the only
 * place where the two meet. They use Intl only, so they give the same answer in every process time zone.
 *
 * The rule at the clock changes (last Sunday of March and of October), the same as Temporal's
 * "compatible" disambiguation:
 *  - a wall-clock time that does not exist (02:00–02:59 on the last Sunday of March) is moved forward by
 *    the gap: 02:30 becomes 03:30 summer time (01:30Z);
 *  - a wall-clock time that exists twice (02:00–02:59 on the last Sunday of October) means the first of
 *    the two, still summer time: 02:30 becomes 00:30Z, not 01:30Z.
 */
export const APP_TIME_ZONE = 'Europe/Amsterdam';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const HOUR_MS = 3_600_000;

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fieldsAt(ms: number, timeZone: string): Fields {
  const out: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** The zone's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer for Amsterdam). */
function offsetAt(ms: number, timeZone: string): number {
  const f = fieldsAt(ms, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A wall-clock time in Europe/Amsterdam, as an `<input type="datetime-local">` gives it
 * ("2026-12-06T21:30", seconds optional), to the instant it names, as ISO 8601 UTC
 * ("2026-12-06T20:30:00.000Z"). Null when the text is not such a time or names no calendar day.
 */
export function wallClockToInstant(local: string, timeZone: string = APP_TIME_ZONE): string | null {
  const match = WALL_CLOCK.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // The offsets in force half a day either side: equal except around a clock change.
  const before = offsetAt(asUtc - 12 * HOUR_MS, timeZone);
  const after = offsetAt(asUtc + 12 * HOUR_MS, timeZone);
  const names = (ms: number) => {
    const f = fieldsAt(ms, timeZone);
    return f.year === year && f.month === month && f.day === day && f.hour === hour && f.minute === minute && f.second === second;
  };
  // Earlier candidate first: with the offset before the change (summer time in October), then after it.
  const candidates = [asUtc - Math.max(before, after), asUtc - Math.min(before, after)];
  let instant = candidates.find(names);
  // Not found: the time falls in the gap of the spring change; the offset before the gap moves it forward.
  if (instant === undefined) instant = asUtc - before;
  return new Date(instant).toISOString();
}

/**
 * An instant (ISO 8601 with offset, or a Date) to the wall-clock time in Europe/Amsterdam, in the form an
 * `<input type="datetime-local">` takes ("2026-12-06T21:30"; seconds only when not zero). Null when the
 * value is not a moment.
 */
export function instantToWallClock(instant: string | Date, timeZone: string = APP_TIME_ZONE): string | null {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const f = fieldsAt(ms, timeZone);
  const base = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
  return f.second ? `${base}:${pad(f.second)}` : base;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in Europe/Amsterdam: "today" is `calendarDayOf(new Date())`. */
export function calendarDayOf(instant: string | Date, timeZone: string = APP_TIME_ZONE): string {
  const wall = instantToWallClock(instant, timeZone);
  if (wall === null) throw new RangeError(`not a moment: ${String(instant)}`);
  return wall.slice(0, 10);
}

/** The instant a calendar day (YYYY-MM-DD) begins in Europe/Amsterdam: midnight, 23:00Z or 22:00Z the day before. */
export function startOfDay(date: string, timeZone: string = APP_TIME_ZONE): string {
  const instant = wallClockToInstant(`${date}T00:00`, timeZone);
  if (instant === null) throw new RangeError(`not a calendar date: ${date}`);
  return instant;
}

/** The instant the next day begins: a day runs from startOfDay(date) up to, not including, endOfDay(date). */
export function endOfDay(date: string, timeZone: string = APP_TIME_ZONE): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR_MS).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment for people, in Europe/Amsterdam whatever the reader's own time zone: "6 dec 2026, 21:30" in
 * Dutch, "6 Dec 2026, 21:30" in English (the exact punctuation is the platform's). `date` leaves the time
 * out. An unreadable value is returned as it came.
 */
export function formatInstant(instant: string | Date | null | undefined, locale: string, style: 'dateTime' | 'date' = 'dateTime'): string {
  if (instant === null || instant === undefined || instant === '') return '';
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  const intlLocale = locale.startsWith('en') ? 'en-GB' : 'nl-NL';
  const key = `${intlLocale}|${style}`;
  let format = displayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale, style === 'date' ? { dateStyle: 'medium', timeZone: APP_TIME_ZONE } : { dateStyle: 'medium', timeStyle: 'short', timeZone: APP_TIME_ZONE });
    displayFormats.set(key, format);
  }
  return format.format(date);
}
