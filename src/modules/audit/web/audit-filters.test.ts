import { describe, expect, it } from 'vitest';
import { datesOutOfOrder, EMPTY_AUDIT_FILTERS, toAuditQuery } from './audit-filters';

describe('toAuditQuery', () => {
  it('sends only the filters that are filled in, trimmed', () => {
    expect(toAuditQuery({ ...EMPTY_AUDIT_FILTERS, actor: ' beheerder ', action: 'users.update' })).toEqual({ actor: 'beheerder', action: 'users.update', limit: 50 });
  });

  it('turns dates into whole days in Amsterdam, whatever the time zone of the browser', () => {
    const winter = toAuditQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-03-01', to: '2026-03-01' });
    expect(winter.from).toBe('2026-02-28T23:00:00.000Z');
    expect(winter.to).toBe('2026-03-01T23:00:00.000Z');
    const summer = toAuditQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-07-01', to: '2026-07-31' });
    expect(summer.from).toBe('2026-06-30T22:00:00.000Z');
    expect(summer.to).toBe('2026-07-31T22:00:00.000Z');
  });

  it('pages with before', () => {
    expect(toAuditQuery(EMPTY_AUDIT_FILTERS, '1234', 20)).toEqual({ before: '1234', limit: 20 });
  });
});

describe('datesOutOfOrder', () => {
  it('spots an end before the start, and nothing else', () => {
    expect(datesOutOfOrder({ ...EMPTY_AUDIT_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toBe(true);
    expect(datesOutOfOrder({ ...EMPTY_AUDIT_FILTERS, from: '2026-03-01', to: '2026-03-01' })).toBe(false);
    expect(datesOutOfOrder({ ...EMPTY_AUDIT_FILTERS, to: '2026-03-01' })).toBe(false);
  });
});
