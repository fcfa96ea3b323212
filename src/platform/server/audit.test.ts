import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEntry } from './audit.js';

const entry = {
  id: '1',
  at: '2026-11-22T10:00:00.000Z',
  actorUserId: null,
  actorUsername: 'system',
  actorOrganisationId: null,
  action: 'user.create',
  subjectType: 'user',
  subjectId: 'abc',
  detail: { b: 1, a: { d: [1, 2], c: 'x' } },
};

describe('hashAuditEntry', () => {
  it('does not depend on the key order of the detail (jsonb reorders keys)', () => {
    const reordered = { ...entry, detail: { a: { c: 'x', d: [1, 2] }, b: 1 } };
    expect(hashAuditEntry(reordered, GENESIS_HASH)).toBe(hashAuditEntry(entry, GENESIS_HASH));
  });

  it('changes with every field and with the previous hash', () => {
    const base = hashAuditEntry(entry, GENESIS_HASH);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      { ...entry, id: '2' },
      { ...entry, at: '2026-11-22T10:00:00.001Z' },
      { ...entry, actorUsername: 'beheerder' },
      { ...entry, action: 'user.update' },
      { ...entry, subjectId: 'abd' },
      { ...entry, detail: { ...entry.detail, b: 2 } },
    ];
    for (const variant of variants) expect(hashAuditEntry(variant, GENESIS_HASH)).not.toBe(base);
    expect(hashAuditEntry(entry, 'f'.repeat(64))).not.toBe(base);
  });
});
