import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import { verifyAuditChain, withAudit } from './audit.js';
import type { DatabaseHandle } from './db.js';
import { migrate } from './migrate.js';

/**
 * The chain must stay verifiable whatever a caller hands withAudit: the row is hashed in the form the
 * database stores and returns it (issue 12, item 1: a lone surrogate was stored as U+FFFD but hashed as
 * itself, and the chain was broken for good).
 */

let database: DatabaseHandle;
beforeAll(async () => {
  database = (await createTestDatabase()).handle;
  await migrate(database.db);
});
afterAll(() => database.close());

// Any UTF-16 text, lone surrogates and NUL included.
const anyText = fc.string({ unit: 'binary', maxLength: 16 });
const detailValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('the audit chain with any text', () => {
  it('stays valid for any actor name, subject and detail (property)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, fc.dictionary(anyText, detailValue, { maxKeys: 4 }), async (username, subjectType, subjectId, detail) => {
        await database.db.transaction().execute((tx) =>
          withAudit(tx, { userId: null, username, organisationId: null }, 'test.any_text', { type: subjectType, id: subjectId }, detail),
        );
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
    const verification = await verifyAuditChain(database.db);
    expect(verification.reason).toBeUndefined();
    expect(verification.valid).toBe(true);
  });

  it('stores a lone surrogate and NUL as U+FFFD and hashes that', async () => {
    await database.db.transaction().execute((tx) =>
      withAudit(tx, { userId: null, username: '\ud800x\u0000', organisationId: null }, 'test.replaced', { type: 'user' }, { name: 'a\udc00' }),
    );
    const row = await database.db.selectFrom('audit_log').select(['actor_username', 'detail']).where('action', '=', 'test.replaced').executeTakeFirstOrThrow();
    expect(row.actor_username).toBe('\uFFFDx\uFFFD');
    expect(row.detail).toEqual({ name: 'a\uFFFD' });
    expect((await verifyAuditChain(database.db)).valid).toBe(true);
  });
});
