import { sql, type RawBuilder } from 'kysely';

/**
 * A `date` column as 'YYYY-MM-DD' text. node-postgres turns dates into JavaScript Dates at local midnight,
 * which shifts a day in some time zones; reading the text keeps a calendar date a calendar date.
 */
export function dateText(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

export function nullableDateText(column: string): RawBuilder<string | null> {
  return sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}
