import { describe, expect, it } from 'vitest';
import { csvCell } from './aggregates.service.js';
import { demoPoints } from './demo-signals.js';
import { normaliseReference, pseudonymKeys, pseudonymOf } from './pseudonyms.js';
import { defaultRetentionUntil, isoDay, signalRuleErrors } from './signal-rules.js';
import type { CategoryRow, RegimeRow } from './taxonomy.queries.js';

const category = (over: Partial<CategoryRow>): CategoryRow => ({
  code: 'ondermijning',
  name_nl: 'Ondermijning',
  name_en: 'Subversive crime',
  criminal_law: true,
  allowed_regimes: ['wgs-riec'],
  reader_kinds: ['gemeente', 'politie'],
  allows_persons: true,
  allows_groups: false,
  detail_fields: { indicator: { type: 'enum', values: ['witwassen'] }, occupants: { type: 'integer', min: 1, max: 10 } },
  default_retention_months: 60,
  sort_order: 1,
  ...over,
});
const regime = (over: Partial<RegimeRow>): RegimeRow => ({ code: 'wgs-riec', name_nl: '', name_en: '', allows_criminal_law: true, partner_kinds: ['gemeente', 'politie'], ...over });
const taxonomy = { categories: [category({}), category({ code: 'verloedering', criminal_law: false, allowed_regimes: ['municipal-task'], allows_persons: false })], regimes: [regime({}), regime({ code: 'municipal-task', allows_criminal_law: false, partner_kinds: ['gemeente', 'politie', 'woningcorporatie'] })] };
const base = { category: 'ondermijning', legalRegime: 'wgs-riec', occurredAt: '2026-10-01T21:30:00Z' };
const paths = (input: Parameters<typeof signalRuleErrors>[0], kind = 'politie') => signalRuleErrors(input, taxonomy, { organisationKind: kind, today: '2026-11-22' }).map((e) => e.path);

describe('signal rules', () => {
  it.each([
    ['a valid criminal-law signal', base, 'politie', []],
    ['criminal-law category under a regime without it', { ...base, legalRegime: 'municipal-task' }, 'politie', ['legalRegime']],
    ['organisation outside the regime', base, 'woningcorporatie', ['legalRegime']],
    ['persons where the category allows none', { ...base, category: 'verloedering', legalRegime: 'municipal-task', persons: [{ reference: 'x' }] }, 'politie', ['persons']],
    ['groups where the category allows none', { ...base, groups: [{ reference: 'x' }] }, 'politie', ['groups']],
    ['a field the category does not have', { ...base, details: { name: 'x' } }, 'politie', ['details.name']],
    ['an enum value out of the list', { ...base, details: { indicator: 'diefstal' } }, 'politie', ['details.indicator']],
    ['an integer out of range', { ...base, details: { occupants: 11 } }, 'politie', ['details.occupants']],
    ['retention in the past', { ...base, retentionUntil: '2026-11-01' }, 'politie', ['retentionUntil']],
    ['retention beyond the category term', { ...base, retentionUntil: '2031-11-23' }, 'politie', ['retentionUntil']],
    ['a date in the future', { ...base, occurredAt: '2027-01-01T00:00:00Z' }, 'politie', ['occurredAt']],
    ['unknown category and regime', { ...base, category: 'nope', legalRegime: 'nope' }, 'politie', ['category', 'legalRegime']],
  ] as const)('%s', (_name, input, kind, expected) => {
    expect(paths(input as Parameters<typeof signalRuleErrors>[0], kind)).toEqual(expected);
  });

  it('defaults retention by months, clamped to the end of a shorter month', () => {
    expect(defaultRetentionUntil('2026-01-31', 1)).toBe('2026-02-28');
    expect(defaultRetentionUntil('2026-11-22', 24)).toBe('2028-11-22');
  });
});

describe('pseudonyms', () => {
  it('are keyed, stable under case and spacing, and differ per kind and key', () => {
    const keys = pseudonymKeys('a'.repeat(40));
    expect(pseudonymOf(keys, 'person', ' Demo-Persoon  001 ')).toBe(pseudonymOf(keys, 'person', 'demo-persoon 001'));
    expect(pseudonymOf(keys, 'person', 'x')).not.toBe(pseudonymOf(keys, 'group', 'x'));
    expect(pseudonymOf(pseudonymKeys('b'.repeat(40)), 'person', 'x')).not.toBe(pseudonymOf(keys, 'person', 'x'));
    expect(normaliseReference('  A  B ')).toBe('a b');
  });
});

describe('exports and demo data', () => {
  it('defuses formula cells and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+31')).toBe("'+31");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(null)).toBe('');
  });

  it('scatters the same demo points every time', () => {
    expect(demoPoints()).toEqual(demoPoints());
    expect(demoPoints().filter((p) => p.cluster).length).toBe(190);
  });
});

describe('today', () => {
  it('is the day in the Netherlands, not the UTC day', () => {
    // 23:30 UTC on 4 March is 00:30 on 5 March in Amsterdam (winter); 22:30 UTC on 4 July is 00:30 on 5 July (summer).
    expect(isoDay(new Date('2026-03-04T23:30:00Z'))).toBe('2026-03-05');
    expect(isoDay(new Date('2026-07-04T22:30:00Z'))).toBe('2026-07-05');
    expect(isoDay(new Date('2026-07-04T21:30:00Z'))).toBe('2026-07-04');
  });
});
