import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BackupFormatError,
  BackupParser,
  endLine,
  headerLine,
  orderTablesByForeignKeys,
  tableLine,
  type BackupEvent,
  type BackupHeader,
} from './backup-format.js';

const HEADER: BackupHeader = {
  format: BACKUP_FORMAT,
  formatVersion: 1,
  appVersion: '0.1.0',
  createdAt: '2026-11-22T10:00:00.000Z',
  database: { kind: 'pglite', serverVersion: '17.5' },
  migrations: ['20261122T0900__platform__create-accounts.sql'],
};

/** A well-formed backup as lines, the way backup.ts writes it. */
function backupLines(tables: { table: string; columns: string[]; rows: string[] }[]): string[] {
  const body = [headerLine(HEADER)];
  for (const t of tables) body.push(tableLine({ table: t.table, columns: t.columns, rows: t.rows.length }), ...t.rows);
  const sha = createHash('sha256').update(body.map((l) => `${l}\n`).join('')).digest('hex');
  return [...body, endLine(Object.fromEntries(tables.map((t) => [t.table, t.rows.length])), sha)];
}

const SAMPLE = [
  { table: 'organisations', columns: ['id', 'name'], rows: ['{"id": "a", "name": "A"}', '{"id": "b", "name": "B"}'] },
  // A row whose keys look like a table line and an end line must still be read as a row.
  { table: 'tricky', columns: ['table', 'columns', 'rows', 'end'], rows: ['{"end": true, "rows": 0, "table": "x", "columns": ["y"]}'] },
  { table: 'empty', columns: ['id'], rows: [] },
];

function parseAll(lines: string[]): { events: BackupEvent[]; parser: BackupParser } {
  const parser = new BackupParser();
  const events: BackupEvent[] = [];
  for (const line of lines) {
    const event = parser.push(line);
    if (event) events.push(event);
  }
  return { events, parser };
}

function expectRejected(lines: string[], message: RegExp): void {
  expect(() => parseAll(lines).parser.finish()).toThrow(BackupFormatError);
  expect(() => parseAll(lines).parser.finish()).toThrow(message);
}

describe('BackupParser', () => {
  it('reads back what the writer produces, rows by table, with exact counts', () => {
    const { events, parser } = parseAll(backupLines(SAMPLE));
    const summary = parser.finish();
    expect(summary.header).toEqual(HEADER);
    expect(summary.tables.map((t) => [t.table, t.rows])).toEqual([['organisations', 2], ['tricky', 1], ['empty', 0]]);
    expect(events.map((e) => e.kind)).toEqual(['header', 'table', 'row', 'row', 'table', 'row', 'table', 'end']);
    const rows = events.filter((e) => e.kind === 'row');
    expect(rows.map((e) => (e.kind === 'row' ? e.table : ''))).toEqual(['organisations', 'organisations', 'tricky']);
  });

  it('accepts a trailing empty line after the end line (the file ends in "\\n")', () => {
    const { parser } = parseAll([...backupLines(SAMPLE), '']);
    expect(parser.finish().tables).toHaveLength(3);
  });

  it('refuses a changed row: checksum', () => {
    const lines = backupLines(SAMPLE);
    lines[2] = '{"id": "a", "name": "Z"}';
    expectRejected(lines, /checksum does not match/);
  });

  it('refuses a changed row count in a table line', () => {
    const lines = backupLines(SAMPLE);
    lines[1] = tableLine({ table: 'organisations', columns: ['id', 'name'], rows: 1 });
    expect(() => parseAll(lines)).toThrow(BackupFormatError);
  });

  it('refuses a file cut short', () => {
    const lines = backupLines(SAMPLE);
    expectRejected(lines.slice(0, -1), /incomplete/);
    expectRejected(lines.slice(0, 3), /incomplete/);
  });

  it('refuses anything after the end line', () => {
    expectRejected([...backupLines(SAMPLE), '{"id": "c"}'], /after the end line/);
  });

  it('refuses a file that is not a backup, or a format version it does not read', () => {
    expectRejected(['hello'], /not a Wijkregie backup/);
    expectRejected(['{"format":"something-else"}'], /not a Wijkregie backup/);
    expectRejected([JSON.stringify({ ...HEADER, formatVersion: 2 })], /format version 2; this build reads version 1/);
    expectRejected([JSON.stringify({ ...HEADER, migrations: 'all' })], /malformed header/);
    expect(() => new BackupParser().finish()).toThrow(/empty/);
  });

  it('refuses end-line row counts that disagree with the tables, even with a right checksum', () => {
    const lines = backupLines(SAMPLE);
    const end = JSON.parse(lines[lines.length - 1] ?? '{}') as { sha256: string };
    lines[lines.length - 1] = endLine({ organisations: 2, tricky: 1 }, end.sha256);
    expectRejected(lines, /row counts/);
  });

  it('refuses a table that appears twice and a row that is not an object', () => {
    const twice = backupLines([SAMPLE[2]!, SAMPLE[2]!]);
    expect(() => parseAll(twice)).toThrow(/appears twice/);
    const notObject = backupLines([{ table: 't', columns: ['id'], rows: ['[1]'] }]);
    expect(() => parseAll(notObject)).toThrow(/not a JSON object/);
  });
});

describe('orderTablesByForeignKeys', () => {
  it('puts every table after the tables it references, alphabetically among equals', () => {
    const result = orderTablesByForeignKeys(
      ['users', 'sessions', 'organisations', 'user_roles', 'audit_log', 'api_tokens'],
      [
        { table: 'users', references: 'organisations' },
        { table: 'sessions', references: 'users' },
        { table: 'user_roles', references: 'users' },
        { table: 'api_tokens', references: 'users' },
      ],
    );
    expect(result.order).toEqual(['audit_log', 'organisations', 'users', 'api_tokens', 'sessions', 'user_roles']);
    expect(result.cyclic).toEqual([]);
    expect(result.selfReferencing).toEqual([]);
  });

  it('reports a self-reference without treating it as a cycle', () => {
    const result = orderTablesByForeignKeys(['areas', 'indicator_values'], [
      { table: 'areas', references: 'areas' },
      { table: 'indicator_values', references: 'areas' },
    ]);
    expect(result.order).toEqual(['areas', 'indicator_values']);
    expect(result.selfReferencing).toEqual(['areas']);
    expect(result.cyclic).toEqual([]);
  });

  it('puts a cycle, and what depends on it, last and reports it', () => {
    const result = orderTablesByForeignKeys(['a', 'b', 'c', 'd'], [
      { table: 'a', references: 'b' },
      { table: 'b', references: 'a' },
      { table: 'c', references: 'a' },
    ]);
    expect(result.order).toEqual(['d', 'a', 'b', 'c']);
    expect(result.cyclic).toEqual(['a', 'b', 'c']);
  });

  it('ignores foreign keys to tables outside the set (other schemas)', () => {
    expect(orderTablesByForeignKeys(['a'], [{ table: 'a', references: 'elsewhere' }]).order).toEqual(['a']);
  });
});
