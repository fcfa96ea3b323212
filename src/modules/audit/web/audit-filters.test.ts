import { describe, expect, it } from 'vitest';
import { datesOutOfOrder, EMPTY_AUDIT_FILTERS, toAuditQuery } from './audit-filters';

describe('toAuditQuery', () => {
  it('sends only the filters that are filled in, trimmed', () => {
    expect(toAuditQuery({ ...EMPTY_AUDIT_FILTERS, actor: ' beheerder ', action: 'users.update' })).toEqual({ actor: 'beheerder', action: 'users.update', limit: 50 });
  });

  it('turns dates into whole local days', () => {
    const query = toAuditQuery({ ...EMPTY_AUDIT_FILTERS, from: '2026-03-01', to: '2026-03-01' });
    expect(query.from).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(query.to).toBe(new Date('2026-03-01T23:59:59.999').toISOString());
    expect(new Date(query.to ?? '').getTime() - new Date(query.from ?? '').getTime()).toBe(24 * 3600 * 1000 - 1);
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
